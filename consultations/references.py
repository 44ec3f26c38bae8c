"""A signed, expiring reference to a stored request, for the patient's next step after the form
(the thanks page's link to choose a time). It carries the request's public id (a random UUID
stored on the row, never its number: a restore puts the numbers back and the next request would
get them) and when it was made, signed with a salt of its own; no name or number of the patient.
References made before the public ids named the number under another salt: they no longer work."""

from ground.signed_links import SignedLink

SALT = "consultations.request-link"
MAX_AGE_SECONDS = 14 * 24 * 3600
REFERENCE = SignedLink(SALT, MAX_AGE_SECONDS)


def reference_for(consultation):
    return REFERENCE.make(consultation.public_id)


def public_id_from(reference):
    """The request's public id, or None for a reference that is forged, mangled or too old."""
    return REFERENCE.read(reference)
