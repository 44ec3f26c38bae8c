"""What the picker may do for whom: its rate limit per client (the form's window, its own
count), the request a reference names with its active time, and the time a spam request is
shown but never given (views.PickView)."""

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.shortcuts import render

from booking import links, slots
from booking.models import Booking
from consultations.models import ConsultationRequest
from ground import limits


def request_and_its_time(request_id):
    """(request id, its active booking's id or None) in one query, or None when the reference
    names no request or the front desk stopped its links."""
    active = Booking.objects.active().filter(request=OuterRef("pk")).values("pk")[:1]
    return (
        ConsultationRequest.objects.filter(pk=request_id, links_stopped_at__isnull=True)
        .annotate(active=Subquery(active))
        .values_list("pk", "active")
        .first()
    )


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
