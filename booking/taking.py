"""Taking, confirming, moving and freeing a time. The database decides who gets a time: each
write tries a seat and lets the constraint refuse it (models.py), never a check then an insert."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from booking.models import Booking
from booking.slots import forget_taken, rules

Status = Booking.Status


class TimeTaken(Exception):
    """Every place of that time is held or confirmed by someone else."""


class NotHeld(Exception):
    """The booking is no longer held (declined, cancelled, or confirmed by someone else)."""


def _try_seats(capacity, write):
    """Call write(seat) for each seat in turn inside a savepoint; the first that the database
    accepts wins. TimeTaken when it refuses every seat."""
    for seat in range(capacity):
        try:
            with transaction.atomic():
                return write(seat)
        except IntegrityError:
            continue
    raise TimeTaken


def take(consultation, start, *, current=None):
    """Hold (or book at once, as the clinic set) `start` for this request. Returns the booking;
    the request's existing active booking when it already has one (a double click)."""
    current = current or rules()
    settings = current.settings
    status = Status.CONFIRMED if settings.confirmation == "instant" else Status.HELD

    def write(seat):
        return Booking.objects.create(
            request=consultation,
            starts_at=start,
            ends_at=start + settings.slot_length,
            seat=seat,
            status=status,
        )

    with transaction.atomic():
        try:
            return _try_seats(settings.capacity, write)
        except TimeTaken:
            existing = Booking.objects.active().filter(request=consultation).first()
            if existing is not None and existing.starts_at == start:
                return existing
            raise


def move(booking, start, *, current=None, status=None, by_clinic=False):
    """Give this booking another time (same row: the patient's link shows the new time, and
    the time it had when the clinic moved it)."""
    current = current or rules()
    length = current.settings.slot_length

    def write(seat):
        updated = Booking.objects.filter(pk=booking.pk, status__in=(Status.HELD, Status.CONFIRMED))
        if not updated.update(
            starts_at=start,
            ends_at=start + length,
            seat=seat,
            status=status or booking.status,
            reminder_sent_at=None,
            moved_from=booking.starts_at if by_clinic else None,
            calendar_sequence=F("calendar_sequence") + 1,
            updated_at=timezone.now(),
        ):
            raise NotHeld
        return Booking.objects.get(pk=booking.pk)

    with transaction.atomic():
        moved = _try_seats(current.settings.capacity, write)
    forget_taken()
    return moved


def confirm(booking):
    """Held → confirmed, atomically: refused when it was declined or cancelled meanwhile. The
    time is already the patient's (a held booking takes its seat), so nobody else can have it."""
    confirmed = Booking.objects.filter(pk=booking.pk, status=Status.HELD).update(
        status=Status.CONFIRMED,
        calendar_sequence=F("calendar_sequence") + 1,
        updated_at=timezone.now(),
    )
    if not confirmed:
        raise NotHeld
    booking.refresh_from_db()
    return booking


def free(booking, status):
    """Declined by the clinic or cancelled by the patient: the time is free again."""
    freed = Booking.objects.filter(
        pk=booking.pk, status__in=(Status.HELD, Status.CONFIRMED)
    ).update(status=status, calendar_sequence=F("calendar_sequence") + 1, updated_at=timezone.now())
    if not freed:
        raise NotHeld
    forget_taken()
    booking.refresh_from_db()
    return booking
