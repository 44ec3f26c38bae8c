"""What the picker may do for whom: its rate limit per client (the form's window, its own
count), the request a reference names with its active time, and the time a spam request is
shown but never given (views.PickView)."""

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.shortcuts import render

from booking import links, slots
from booking.models import Booking
from consultations.models import ConsultationRequest
from ground import hours, limits


def request_and_its_time(public_id):
    """(request's public id, its upcoming active booking's public id or None), or None when the
    reference names no request or the front desk stopped the request's links: by the public id
    the link names (references.py, links.py). One small query per reference, kept for
    slots.TAKEN_SECONDS like the taken times: a patient reloading the picker costs nothing more,
    and no process reads every request's time (reading them all every two seconds held up the
    requests queued behind it: bench/picker.sh's p99). Every change this process makes reads
    them again at once; a choice sent is checked in the database."""
    if public_id is None:
        return None
    key = ("reference", public_id.hex)
    known = slots.recall(key)
    if known is None:
        upcoming = Booking.objects.active().filter(request=OuterRef("pk"), ends_at__gt=hours.now())
        row = (
            ConsultationRequest.objects.filter(public_id=public_id, links_stopped_at__isnull=True)
            .annotate(time=Subquery(upcoming.values("public_id")[:1]))
            .values_list("pk", "time")
            .first()
        )
        known = (row is not None, row and row[1])  # (found, its time's public id or None)
        slots.keep(key, known)
    found, time = known
    return (public_id, time) if found else None


def over_the_limit(request):
    """Count one more time sent from the picker by this client: over the limit?"""
    sent = limits.count_hit("pick", request, settings.CONSULTATION_RATE_WINDOW_SECONDS)
    return sent > settings.BOOKING_PICK_RATE_LIMIT


def render_too_many(request):
    """The consultation form's limit page (429, Retry-After): the same for the picker."""
    response = render(request, "consultations/too_many_requests.html", status=429)
    response["Retry-After"] = limits.current_window(settings.CONSULTATION_RATE_WINDOW_SECONDS)[1]
    return response


def shown_only_booking(token, now):
    """The unsaved booking a spam request's link shows (links.decoy_path): the time it names, held
    or booked at once as the clinic's setting reads, never stored; None for any other token."""
    start = links.decoy_start_from(token)
    if start is None:
        return None
    clinic = slots.rules().settings  # as a patient's choice reads: held, or booked at once
    status = "confirmed" if clinic.confirmation == "instant" else "held"
    booking = Booking(starts_at=start, ends_at=start + clinic.slot_length, status=status)
    return booking if booking.ends_at > now else None
