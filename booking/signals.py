"""A change to the booking settings or dated hours is read again at once in this process (the
others within slots.RULES_SECONDS)."""

from django.db.models.signals import post_delete, post_save

from booking.models import Booking, ClinicSettings, DatedHours, DayHours
from booking.slots import forget_rules, forget_taken


def connect():
    post_save.connect(forget_taken, sender=Booking, dispatch_uid="booking-taken")
    post_delete.connect(forget_taken, sender=Booking, dispatch_uid="booking-taken-delete")
    for model in (ClinicSettings, DatedHours, DayHours):
        post_save.connect(
            forget_rules, sender=model, dispatch_uid=f"booking-rules-{model.__name__}"
        )
        post_delete.connect(
            forget_rules, sender=model, dispatch_uid=f"booking-rules-delete-{model.__name__}"
        )
