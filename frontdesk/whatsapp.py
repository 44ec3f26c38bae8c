"""The front desk's click-to-chat link: opens WhatsApp greeting in the patient's language."""

from urllib.parse import quote

from django.utils import translation
from django.utils.translation import gettext

from consultations import next_steps, references


def whatsapp_chat_url(consultation, request=None):
    """https://wa.me/<digits>?text=<greeting>: no name or detail of the patient in the link.

    With the staff member's request, the greeting also carries what the thanks page offers the
    patient (booking's "Choose a time"), as links to this site in the patient's language.
    """
    with translation.override(consultation.language):
        lines = [
            gettext(
                "Hello, this is Ecla Clinic in Dubai. Thank you for asking for a free "
                "consultation: when would be a good time to talk?"
            )
        ]
        if request is not None:
            reference = references.reference_for(consultation)
            lines += [
                _chat_line(step, request.build_absolute_uri(step["url"]))
                for step in next_steps.for_reference(request, reference)
            ]
        greeting = "\n".join(lines)
    return f"https://wa.me/{str(consultation.whatsapp).lstrip('+')}?text={quote(greeting)}"


def _chat_line(step, url):
    """A next step as a line of the greeting: its own sentence where it has one."""
    if "chat" in step:
        return step["chat"] % {"url": url}
    return f"{step['text']}: {url}"
