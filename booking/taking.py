"""Taking, confirming, moving and freeing a time. The database decides who gets a time: each
write tries a seat and lets the constraint refuse it (models.py). A seat already overlapped by
another active time (the consultation's length changed since it was taken) is passed over
first, in the same transaction: PostgreSQL's exclusion constraint would refuse it anyway, and on
SQLite, whose write transactions are IMMEDIATE (settings), nothing can slip in between the check
and the write, so the rule is the same on both.

One active time per phone number: a number is a patient's phone on one request and their
WhatsApp on another, which no unique index (of another table's two columns) can say. So taking a
time first locks every request of the request's numbers (SELECT … FOR UPDATE, in the order of
their ids, so two takers wait for each other rather than deadlock) and only then looks for an
active time among them, in the same transaction as the insert. On SQLite every write transaction
is IMMEDIATE (settings), which serializes the same steps.
"""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from booking.lapsing import lapse_overdue
from booking.models import Booking
from booking.slots import forget_taken, hold_lapses_at, rules
from consultations.models import ConsultationRequest
from ground import hours

Status = Booking.Status


class TimeTaken(Exception):
    """Every place of that time is held or confirmed by someone else."""


class NumberHasTime(Exception):
    """Another request with the same phone or WhatsApp number holds or has a confirmed time."""


class NotHeld(Exception):
    """The booking is no longer held (declined, cancelled, or confirmed by someone else)."""


class TimeOver(Exception):
    """The booking's time has begun or passed (attended too): it can't be changed any more."""


def _try_seats(capacity, write, start, end, leave_out=None):
    """Call write(seat) for each seat in turn inside a savepoint, passing over the seats another
    active time overlaps between start and end; the first that the database accepts wins.
    TimeTaken when it refuses every seat."""
    overlapping = Booking.objects.active().between(start, end).exclude(pk=leave_out)
    taken = set(overlapping.values_list("seat", flat=True))
    for seat in range(capacity):
        if seat in taken:
            continue
        try:
            with transaction.atomic():
                return write(seat)
        except IntegrityError:
            continue
    raise TimeTaken


def _another_request_of_the_number_has_a_time(consultation):
    """Lock the requests of this request's numbers, then: does another of them have a time?"""
    same_patient = ConsultationRequest.objects.same_patient(consultation)
    ids = list(same_patient.select_for_update().order_by("pk").values_list("pk", flat=True))
    others = [pk for pk in ids if pk != consultation.pk]
    return others and Booking.objects.active().filter(request_id__in=others).exists()


def take(consultation, start, *, current=None):
    """Hold (or book at once, as the clinic set) `start` for this request. Returns the booking;
    the request's existing active booking when it already has one (a double click).
    NumberHasTime when another request of its phone or WhatsApp number has an active time."""
    lapse_overdue()
    current = current or rules()
    settings = current.settings
    status = Status.CONFIRMED if settings.confirmation == "instant" else Status.HELD
    lapses_at = hold_lapses_at(hours.now(), current) if status == Status.HELD else None

    def write(seat):
        return Booking.objects.create(
            request=consultation,
            starts_at=start,
            ends_at=start + settings.slot_length,
            seat=seat,
            status=status,
            lapses_at=lapses_at,
        )

    with transaction.atomic():
        if _another_request_of_the_number_has_a_time(consultation):
            raise NumberHasTime
        try:
            return _try_seats(settings.capacity, write, start, start + settings.slot_length)
        except TimeTaken:
            existing = Booking.objects.active().filter(request=consultation).first()
            if existing is not None and existing.starts_at == start:
                return existing
            raise


def move(booking, start, *, current=None, status=None, by_clinic=False):
    """Give this booking another time (same row: the patient's link shows the new time, and
    the time it had when the clinic moved it). Given `status` "held" (the patient chose again),
    the hold's deadline starts again from now. Only a future time moves: TimeOver when it has
    begun or passed (moving it would bring its dead link back)."""
    lapse_overdue()
    current = current or rules()
    length = current.settings.slot_length
    deadline = {}
    if status == Status.HELD:
        deadline["lapses_at"] = hold_lapses_at(hours.now(), current)

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
            **deadline,
        ):
            raise NotHeld
        return Booking.objects.get(pk=booking.pk)

    with transaction.atomic():
        locked = Booking.objects.select_for_update().filter(pk=booking.pk).first()
        if locked is not None and locked.is_active and locked.starts_at <= hours.now():
            raise TimeOver
        end = start + length
        moved = _try_seats(current.settings.capacity, write, start, end, leave_out=booking.pk)
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


def restore(booking, status):
    """A decline undone: the same booking (so the patient's link) holds its time again, on any
    free seat. TimeTaken when someone took it meanwhile (or the patient's number holds another
    time),
    NotHeld when it is no longer declined."""
    current = rules()
    # A hold given back waits for confirmation as long as a new one would.
    lapses_at = hold_lapses_at(hours.now(), current) if status == Status.HELD else None

    def write(seat):
        if not Booking.objects.filter(pk=booking.pk, status=Status.DECLINED).update(
            status=status,
            seat=seat,
            lapses_at=lapses_at,
            calendar_sequence=F("calendar_sequence") + 1,
            updated_at=timezone.now(),
        ):
            raise NotHeld
        return Booking.objects.get(pk=booking.pk)

    with transaction.atomic():
        if _another_request_of_the_number_has_a_time(booking.request):
            raise TimeTaken
        restored = _try_seats(
            current.settings.capacity, write, booking.starts_at, booking.ends_at, booking.pk
        )
    forget_taken()
    return restored
