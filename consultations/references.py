"""A signed, expiring reference to a stored request, for the patient's next step after the form
(the thanks page's link to choose a time). It carries the request's number and when it was made,
signed with a salt of its own; no name or number of the patient."""

from django.core import signing

SALT = "consultations.request-reference"
MAX_AGE_SECONDS = 14 * 24 * 3600


def reference_for(consultation):
    return signing.dumps(consultation.pk, salt=SALT)


def request_id_from(reference):
    """The request's id, or None for a reference that is forged, mangled or too old."""
    try:
        value = signing.loads(reference or "", salt=SALT, max_age=MAX_AGE_SECONDS)
    except signing.BadSignature:  # SignatureExpired is one too
        return None
    return value if isinstance(value, int) else None
