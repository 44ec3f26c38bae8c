"""Storing a valid consultation request: first and safely, then everything else.

While the database can't be reached, the request is held on this host's disk instead (held.py)
and stored by drain.py when the database is back: the patient gets the thanks page either way,
or the error page with the clinic's phone if even the disk can't keep it.
"""

import logging
from datetime import UTC, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone, translation

from consultations import held
from consultations.models import ConsultationRequest
from consultations.notifications import queue
from consultations.unreachable import (
    database_reached,
    database_unreachable,
    log_outage_started,
)
from ground.limits import log_store_unavailable
from visits.visitor import visit_of

logger = logging.getLogger(__name__)

# The model fields a held request keeps, as JSON values (dates in ISO 8601, UTC).
HELD_FIELDS = (
    "name", "phone", "whatsapp", "message", "best_time", "prefers", "source_path", "landing_path",
    "utm_source", "utm_medium", "utm_campaign", "language", "status", "fingerprint",
    "submission_key", "consent_given_at", "created_at",
)  # fmt: skip
DATE_FIELDS = {"consent_given_at", "created_at"}


def is_first_submission(fingerprint):
    """Claim these answers for the next few minutes; False when another request already did.

    The claim is an atomic add in the shared cache, so two clicks that arrive at the same moment
    on different server processes still make one request.
    """
    try:
        return cache.add(
            f"consult-claim:{fingerprint}",
            True,
            timeout=settings.CONSULTATION_DUPLICATE_WINDOW_SECONDS,
        )
    except Exception:
        log_store_unavailable(
            logger, "Duplicate-submission store unavailable; the request is stored anyway"
        )
        return True


def new_request(form, request, *, suspected_spam):
    """The request a valid form makes, received now, not yet stored."""
    consultation = form.save(commit=False)
    consultation.fingerprint = form.fingerprint()
    consultation.submission_key = form.submission_key()
    consultation.created_at = consultation.consent_given_at = timezone.now()
    consultation.language = translation.get_language() or settings.LANGUAGE_CODE
    consultation.status = (
        ConsultationRequest.Status.SPAM if suspected_spam else ConsultationRequest.Status.NEW
    )
    # Credited to its visit's landing page and campaign: only those are stored, not the key.
    visit = visit_of(request)
    if visit:
        consultation.landing_path = visit.landing_path
        consultation.utm_source = visit.utm_source
        consultation.utm_medium = visit.utm_medium
        consultation.utm_campaign = visit.utm_campaign
    return consultation


def is_resubmission(consultation):
    """The same answers already stored in the last few minutes before this one arrived."""
    window = timedelta(seconds=settings.CONSULTATION_DUPLICATE_WINDOW_SECONDS)
    since = consultation.created_at - window
    same = ConsultationRequest.objects.same_submission_since(consultation.fingerprint, since)
    return same.filter(created_at__lte=consultation.created_at).exists()


def store(consultation, site_url):
    """Save it, with the earlier request from the same number, and the staff email's outbox row.

    Returns None when this very form with these answers is already stored.
    """
    try:
        with transaction.atomic():
            earlier = (
                ConsultationRequest.objects.earlier_from_number(consultation.phone)
                .filter(created_at__lt=consultation.created_at)
                .exclude(status=ConsultationRequest.Status.SPAM)
                .first()
            )
            consultation.duplicate_of = earlier
            consultation.repeat_within_hour = bool(
                earlier and consultation.created_at - earlier.created_at < timedelta(hours=1)
            )
            consultation.save()
            if consultation.status != ConsultationRequest.Status.SPAM:
                queue(consultation, site_url)
    except IntegrityError:
        if ConsultationRequest.objects.filter(submission_key=consultation.submission_key).exists():
            return None
        raise
    return consultation


def record_request(form, request, *, suspected_spam):
    """Store the request from a valid form, or hold it on this host while the database is away.

    Returns the stored request, or None for a resubmission or a held request. Raises
    held.HoldFailed when the database is away and the disk can't keep the request either.
    """
    consultation = new_request(form, request, suspected_spam=suspected_spam)
    site_url = f"{request.scheme}://{request.get_host()}"
    try:
        if is_resubmission(consultation) or not is_first_submission(consultation.fingerprint):
            return None
        stored = store(consultation, site_url)
        database_reached()
        return stored
    except DatabaseError as error:
        if not database_unreachable(error):
            raise
        held.hold(consultation.submission_key, {**held_fields(consultation), "site_url": site_url})
        log_outage_started(held.summary()[0])
        return None


def held_fields(consultation):
    fields = {}
    for name in HELD_FIELDS:
        value = getattr(consultation, name)
        if name in DATE_FIELDS:
            value = value.astimezone(UTC).isoformat()
        fields[name] = None if value is None else str(value)
    return fields
