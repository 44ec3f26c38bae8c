import re

from django.conf import settings
from django.utils.html import format_html


def clinic_details():
    """The clinic's contact details from settings, with ready-made tel: and WhatsApp links."""
    details = dict(settings.CLINIC)
    phone_digits = re.sub(r"\D", "", details["phone"])
    whatsapp_digits = re.sub(r"\D", "", details["whatsapp"])
    details["phone_href"] = f"tel:+{phone_digits}" if phone_digits else ""
    details["whatsapp_href"] = f"https://wa.me/{whatsapp_digits}" if whatsapp_digits else ""
    details["retention_days"] = settings.CONSULTATION_RETENTION_DAYS
    details["backup_retention_days"] = settings.BACKUP_RETENTION_DAYS
    # As the clinic writes them, in any language: marked English and kept left to right, so an
    # Arabic page neither reorders the digits and "+" nor reads the name with Arabic rules.
    details["name_as_written"] = format_html('<span lang="en" dir="ltr">{}</span>', details["name"])
    details["phone_ltr"] = format_html('<bdi dir="ltr">{}</bdi>', details["phone"])
    details["moh_approval_ltr"] = format_html('<bdi dir="ltr">{}</bdi>', details["moh_approval"])
    return details


def clinic(request):
    return {"clinic": clinic_details()}
