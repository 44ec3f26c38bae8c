"""The patient's link to their consultation time (to see, change or cancel it, and the calendar
file): the booking's number signed with a salt of its own, no name or phone number. It stops
working once the appointment is over (views.visit_or_none)."""

from datetime import UTC, datetime

from django.core import signing
from django.urls import reverse
from django.utils import translation

SALT = "booking.visit"


def visit_token(booking):
    return signing.Signer(salt=SALT).sign(str(booking.pk))


def booking_id_from(token):
    try:
        return int(signing.Signer(salt=SALT).unsign(token or ""))
    except (signing.BadSignature, ValueError):
        return None


def visit_path(booking, language=None):
    """The visit page's path, in the patient's language (the request's, unless given)."""
    with translation.override(language or booking.request.language):
        return reverse("booking:visit", args=[visit_token(booking)])


def visit_url(request, booking, language=None):
    return request.build_absolute_uri(visit_path(booking, language))


# A spam request's "held time" (views.PickView): a link that reads like a visit link but names
# only the chosen time (its minute since 1970), signed with a salt of its own. Nothing is stored.
DECOY_SALT = "booking.visit-shown"


def decoy_path(start, language=None):
    token = signing.Signer(salt=DECOY_SALT).sign(str(int(start.timestamp()) // 60))
    with translation.override(language):
        return reverse("booking:visit", args=[token])


def decoy_start_from(token):
    """The time a decoy link names (aware, UTC), or None when it is not one."""
    try:
        minute = int(signing.Signer(salt=DECOY_SALT).unsign(token or ""))
        return datetime.fromtimestamp(minute * 60, tz=UTC)
    except (signing.BadSignature, ValueError, OverflowError, OSError):
        return None
