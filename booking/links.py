"""The patient's link to their consultation time (to see, change or cancel it, and the calendar
file): the booking's number signed with a salt of its own, no name or phone number. It stops
working once the appointment is over (views.visit_or_none)."""

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
