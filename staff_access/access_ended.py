"""`access_ended`: sent with `user` when what a staff member's access rested on changes (a new
password, the second factor reset, the account switched off or on again). What they were given
under the old access (a calendar feed's address) ends with it, in the apps above this one."""

from django.contrib.auth import get_user_model
from django.db.models.signals import pre_save
from django.dispatch import Signal

access_ended = Signal()

WATCHED = ("password", "is_active")


def _when_password_or_active_changes(sender, instance, update_fields=None, **kwargs):
    if instance.pk is None or (update_fields is not None and not set(WATCHED) & update_fields):
        return
    before = sender.objects.filter(pk=instance.pk).values(*WATCHED).first()
    if before and any(before[field] != getattr(instance, field) for field in WATCHED):
        access_ended.send(sender=sender, user=instance)


def connect():
    pre_save.connect(
        _when_password_or_active_changes,
        sender=get_user_model(),
        dispatch_uid="staff-access-ended",
    )
