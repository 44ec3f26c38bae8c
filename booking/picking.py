"""What the picker may do for whom: its rate limit per client (the form's window, its own
count), the request a reference names with its active time, and the time a spam request is
shown but never given (views.PickView)."""

import uuid

from django.conf import settings
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Replace
from django.shortcuts import render

from booking import links, slots
from booking.models import Booking
from consultations.models import ConsultationRequest
from ground import hours, limits

KNOWN = ("requests-with-times",)


def request_and_its_time(public_id):
    """(request's public id, its upcoming active booking's public id or None), or None when the
    reference names nothing or the front desk stopped the request's links: by the public ids
    the links name (references.py, links.py). From what this process read in the last
    slots.TAKEN_SECONDS, like the taken times: the picker is shown far more often than a time is
    chosen, and a query per view halved its throughput (bench/picker.sh). Every change this
    process makes reads them again at once; a choice sent is checked in the database."""
    if public_id is None:
        return None
    known = slots.recall(KNOWN)
    if known is None:
        upcoming = Booking.objects.active().filter(ends_at__gt=hours.now())
        known = (
            dict(upcoming.order_by().values_list(_hex("request__public_id"), _hex("public_id"))),
            set(
                ConsultationRequest.objects.filter(links_stopped_at__isnull=False)
                .order_by()
                .values_list(_hex("public_id"), flat=True)
            ),
        )
        slots.keep(KNOWN, known)
    times, stopped = known
    if public_id.hex in stopped:
        return None
    booking = times.get(public_id.hex)
    return public_id, None if booking is None else uuid.UUID(hex=booking)


def _hex(field):
    """The UUID as 32 hex digits, made by the database: turning ten thousand of them into UUID
    objects at each reading cost the picker more than the reading itself."""
    return Replace(Cast(field, CharField()), Value("-"), Value(""))


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
