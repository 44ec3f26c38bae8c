"""A held time the front desk has not confirmed in time lapses back to free.

No job runs on a clock: the overdue holds are lapsed by whatever next takes, moves or shows times
(and by a visit link when it is opened), before anyone could be refused because of them. That is
one query on a small partial index, which usually finds nothing. Each lapse is a conditional
update (a hold confirmed meanwhile is not lapsed) and joins the request's history once.
"""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from booking import history
from booking.models import Booking
from ground import hours

Status = Booking.Status
# Overdue holds lapsed per call: a burst of them is cleared over a few requests, never a long one.
BATCH = 100


def lapse_overdue(now=None):
    """Lapse the held times whose deadline has passed; return how many this call lapsed."""
    now = now or hours.now()
    overdue = Booking.objects.filter(status=Status.HELD, lapses_at__lte=now)
    lapsed = 0
    for booking in overdue.select_related("request").order_by("lapses_at")[:BATCH]:
        with transaction.atomic():
            if overdue.filter(pk=booking.pk).update(
                status=Status.LAPSED,
                calendar_sequence=F("calendar_sequence") + 1,
                updated_at=timezone.now(),
            ):
                history.lapsed(booking)
                lapsed += 1
    return lapsed
