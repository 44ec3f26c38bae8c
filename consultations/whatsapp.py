"""The front desk's click-to-chat link: opens WhatsApp greeting in the patient's language."""

from urllib.parse import quote

from django.utils import translation
from django.utils.translation import gettext


def whatsapp_chat_url(consultation):
    """https://wa.me/<digits>?text=<greeting>: no name or detail of the patient in the link."""
    with translation.override(consultation.language):
        greeting = gettext(
            "Hello, this is Ecla Clinic in Dubai. Thank you for asking for a free "
            "consultation: when would be a good time to talk?"
        )
    return f"https://wa.me/{str(consultation.whatsapp).lstrip('+')}?text={quote(greeting)}"
