"""The clinic's own details, shown in the header, footer, contact page and structured data.

Phone, WhatsApp, email, the street address and the map link are the clinic's to edit in the admin
(content/contact.py); until it publishes them, and on a page rendered while they can't be read,
they are those set where the site is installed (CLINIC_* in the environment, blank until then:
they appear only once configured). content/clinic_contact.py says which copy shows when. The
opening hours are the weekly hours the clinic manager keeps in the admin (hours.py).
"""

import re
from functools import cache

from django.conf import settings
from django.utils.html import format_html
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from ground import hours, hours_ahead
from ground.environment import env
from ground.isolates import number_ltr


def clinic_details_from_environment():
    return {
        "name": "Ecla Clinic",
        # In the page's language (Arabic pages and messages write it in Arabic).
        "street_address": _("1128, Al Wasl Road, Umm Suqeim 2, Jumeirah"),
        "locality": _("Dubai"),
        "country": "AE",
        "country_name": _("United Arab Emirates"),
        "phone": env("CLINIC_PHONE"),
        "whatsapp": env("CLINIC_WHATSAPP"),
        "email": env("CLINIC_EMAIL"),
        "moh_approval": "VM4QEF25-241024",
        "copyright_year": 2024,
        "map_url": env(
            "CLINIC_MAP_URL",
            "https://www.google.com/maps/search/?api=1&query=Ecla+Clinic+1128+Al+Wasl+Road+Umm+Suqeim+2+Dubai",
        ),
    }


@cache
def _published_details(path):
    return import_string(path) if path else None


def clinic_details(draft=None):
    """The clinic's contact details, with ready-made tel: and WhatsApp links; "from" says where
    they come from: "admin", "environment" (none published) or "unread" (never read here).
    `draft`: what a draft would change, in place of what is published (its preview)."""
    details = dict(settings.CLINIC)
    published, details["from"] = draft, "draft"
    if draft is None:
        published, details["from"] = None, "environment"
        source = _published_details(settings.CLINIC_PUBLISHED_DETAILS)
        if source is not None:
            published, details["from"] = source()
    details.update(published or {})
    phone_digits = re.sub(r"\D", "", details["phone"])
    whatsapp_digits = re.sub(r"\D", "", details["whatsapp"])
    details["phone_href"] = f"tel:+{phone_digits}" if phone_digits else ""
    details["whatsapp_href"] = f"https://wa.me/{whatsapp_digits}" if whatsapp_digits else ""
    # The weekly hours as the clinic manager keeps them in the admin (hours.py: kept a few seconds
    # per process, so no query here), worded in the page's language when a template shows them.
    weekly = hours.weekly_spans()
    details["hours"] = hours.opening_hours_text(weekly)
    details["opening_hours"] = hours.schema_opening_hours(weekly)
    # Called only where a template shows it: this week's days with other hours than the weekly.
    details["hours_ahead"] = hours_ahead.this_weeks_notices
    details["retention_days"] = settings.CONSULTATION_RETENTION_DAYS
    details["backup_retention_days"] = settings.BACKUP_RETENTION_DAYS
    # As the clinic writes them, in any language: marked English and kept left to right, so an
    # Arabic page neither reorders the digits and "+" nor reads the name with Arabic rules.
    details["name_as_written"] = format_html('<span lang="en" dir="ltr">{}</span>', details["name"])
    details["phone_ltr"] = number_ltr(details["phone"])
    details["moh_approval_ltr"] = format_html('<bdi dir="ltr">{}</bdi>', details["moh_approval"])
    return details


def clinic_context(request):
    """Template context processor: the clinic's details on every page."""
    return {"clinic": clinic_details()}
