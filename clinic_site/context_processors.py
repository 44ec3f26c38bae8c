import re

from django.conf import settings


def clinic_details():
    """The clinic's contact details from settings, with ready-made tel: and WhatsApp links."""
    details = dict(settings.CLINIC)
    phone_digits = re.sub(r"\D", "", details["phone"])
    whatsapp_digits = re.sub(r"\D", "", details["whatsapp"])
    details["phone_href"] = f"tel:+{phone_digits}" if phone_digits else ""
    details["whatsapp_href"] = f"https://wa.me/{whatsapp_digits}" if whatsapp_digits else ""
    details["retention_days"] = settings.CONSULTATION_RETENTION_DAYS
    return details


def clinic(request):
    return {"clinic": clinic_details()}
