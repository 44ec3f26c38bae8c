"""Storing a valid consultation request: first and safely, then everything else."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone, translation

from consultations.models import ConsultationRequest
from consultations.notifications import notify_staff
from ground.limits import log_store_unavailable

logger = logging.getLogger(__name__)


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


def record_request(form, request, *, suspected_spam):
    """Store the request from a valid form. Returns it, or None for a resubmission of one."""
    fingerprint = form.fingerprint()
    since = timezone.now() - timedelta(seconds=settings.CONSULTATION_DUPLICATE_WINDOW_SECONDS)
    if ConsultationRequest.objects.same_submission_since(fingerprint, since).exists():
        return None
    if not is_first_submission(fingerprint):
        return None

    consultation = form.save(commit=False)
    consultation.fingerprint = fingerprint
    consultation.consent_given_at = timezone.now()
    consultation.language = translation.get_language() or settings.LANGUAGE_CODE
    consultation.status = (
        ConsultationRequest.Status.SPAM if suspected_spam else ConsultationRequest.Status.NEW
    )
    campaign = getattr(request, "campaign", {})
    consultation.utm_source = campaign.get("utm_source", "")
    consultation.utm_medium = campaign.get("utm_medium", "")
    consultation.utm_campaign = campaign.get("utm_campaign", "")
    with transaction.atomic():
        consultation.duplicate_of = (
            ConsultationRequest.objects.earlier_from_number(consultation.phone)
            .exclude(status=ConsultationRequest.Status.SPAM)
            .first()
        )
        earlier = consultation.duplicate_of
        consultation.repeat_within_hour = bool(
            earlier and consultation.created_at - earlier.created_at < timedelta(hours=1)
        )
        consultation.save()
        if not suspected_spam:
            transaction.on_commit(lambda: notify_staff(consultation, request))
    return consultation
