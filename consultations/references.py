"""A signed, expiring reference to a stored request, for the patient's next step after the form
(the thanks page's link to choose a time). It carries the request's public id (a random UUID
stored on the row, never its number: a restore puts the numbers back and the next request would
get them) and when it was made, signed with a salt of its own; no name or number of the patient.
References made before the public ids named the number under another salt: they no longer work."""

import uuid

from django.core import signing

SALT = "consultations.request-link"
MAX_AGE_SECONDS = 14 * 24 * 3600


def reference_for(consultation):
    return signing.dumps(consultation.public_id.hex, salt=SALT)


def public_id_from(reference):
    """The request's public id, or None for a reference that is forged, mangled or too old."""
    try:
        value = signing.loads(reference or "", salt=SALT, max_age=MAX_AGE_SECONDS)
        return uuid.UUID(hex=value)
    except (signing.BadSignature, TypeError, ValueError, AttributeError):
        return None  # SignatureExpired is a BadSignature too
