"""The patient's link to their consultation time (to see, change or cancel it, and the calendar
file): the booking's public id (a random UUID stored on the row, never its number: a restore puts
the numbers back and the next patient would get them) signed with a salt of its own, no name or
phone number. It stops working once the appointment is over (views.visit_or_none). Links made
before the public ids named the number under another salt: they no longer work."""

import uuid
from datetime import UTC, datetime

from django.urls import reverse
from django.utils import translation
from django.utils.crypto import salted_hmac

from ground.signed_links import SignedLink

SALT = "booking.visit-public-id"
VISIT_LINK = SignedLink(SALT)


def visit_token(booking):
    return VISIT_LINK.make(booking.public_id)


def public_id_from(token):
    """The public id a visit link names, or None when it is forged or not one."""
    return VISIT_LINK.read(token)


def visit_path(booking, language=None):
    """The visit page's path, in the patient's language (the request's, unless given)."""
    with translation.override(language or booking.request.language):
        return reverse("booking:visit", args=[visit_token(booking)])


def visit_url(request, booking, language=None):
    return request.build_absolute_uri(visit_path(booking, language))


# A spam request's "held time" (views.PickView): a link that reads like a visit link (a UUID4,
# signed) but names only the chosen time, signed with a salt of its own. Nothing is stored: the
# UUID's first half is random, its second the time's minute since 1970 masked with an HMAC of the
# first half, so neither the time nor anything two links of one time share shows.
DECOY_SALT = "booking.visit-shown-public-id"
DECOY_LINK = SignedLink(DECOY_SALT)
_LOW_62_BITS = (1 << 62) - 1  # a UUID4's variant takes the top two bits of its second half


def _mask(first_half):
    return int.from_bytes(salted_hmac(DECOY_SALT, first_half).digest()[:8], "big")


def decoy_path(start, language=None):
    minute = int(start.timestamp()) // 60
    first_half = uuid.uuid4().bytes[:8]  # the version nibble is set already
    second_half = ((minute ^ _mask(first_half)) & _LOW_62_BITS).to_bytes(8, "big")
    named = uuid.UUID(bytes=first_half + second_half, version=4)
    with translation.override(language):
        return reverse("booking:visit", args=[DECOY_LINK.make(named)])


def decoy_start_from(token):
    """The time a decoy link names (aware, UTC), or None when it is not one."""
    named = DECOY_LINK.read(token)
    if named is None:
        return None
    first_half, second_half = named.bytes[:8], named.bytes[8:]
    minute = (int.from_bytes(second_half, "big") ^ _mask(first_half)) & _LOW_62_BITS
    try:
        return datetime.fromtimestamp(minute * 60, tz=UTC)
    except (ValueError, OverflowError, OSError):
        return None
