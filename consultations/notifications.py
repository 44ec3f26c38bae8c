import logging

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def notify_staff(consultation, site_url):
    """Email the front desk that a request arrived: a link to it, never the patient's details.

    Runs after the request is committed; a failure is logged and the request stays. `site_url`
    is the scheme and host the patient used ("https://www.example.ae").
    """
    recipients = settings.CONSULTATION_NOTIFY_EMAILS
    if not recipients:
        return
    try:
        path = reverse("admin:consultations_consultationrequest_change", args=[consultation.pk])
        admin_url = f"{site_url}{path}"
        # In the staff's language, not the patient's: one inbox, one language.
        with translation.override(settings.LANGUAGE_CODE):
            subject = _("New consultation request #%(id)s") % {"id": consultation.pk}
            message = _(
                "A new free-consultation request has arrived on the website.\n\n"
                "Open it in the admin to call or WhatsApp the patient:\n%(url)s\n"
            ) % {"url": admin_url}
        send_mail(subject, message, from_email=None, recipient_list=recipients)
    except Exception:
        logger.exception("Could not email staff about consultation request #%s", consultation.pk)
