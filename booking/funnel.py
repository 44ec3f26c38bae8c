"""What the visits report counts of a request's time (frontdesk/visits_report.py)."""

from django.db.models import Exists, OuterRef

from booking.models import Booking


def time_chosen():
    """The request has had a time, whatever became of it."""
    return Exists(Booking.objects.filter(request=OuterRef("pk")))


def time_confirmed():
    """The request's time was confirmed (and is still, or was attended)."""
    return Exists(Booking.objects.filter(request=OuterRef("pk"), status=Booking.Status.CONFIRMED))
