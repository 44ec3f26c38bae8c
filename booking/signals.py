"""A change to the booking settings is read again at once in this process (the others within
slots.RULES_SECONDS); ground forgets its dated hours itself (ground/apps.py)."""

from django.db.models.signals import post_delete, post_save

from booking.models import Booking, ClinicSettings
from booking.slots import forget_rules, forget_taken


def connect():
    post_save.connect(forget_taken, sender=Booking, dispatch_uid="booking-taken")
    post_delete.connect(forget_taken, sender=Booking, dispatch_uid="booking-taken-delete")
    post_save.connect(
        forget_rules, sender=ClinicSettings, dispatch_uid="booking-rules-ClinicSettings"
    )
    post_delete.connect(
        forget_rules, sender=ClinicSettings, dispatch_uid="booking-rules-delete-ClinicSettings"
    )
