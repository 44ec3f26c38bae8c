"""The clinic's own details, shown in the header, footer, contact page and structured data.

Phone and WhatsApp are blank in the clinic's copy: they appear only once configured.
"""

from django.utils.translation import gettext_lazy as _

from clinic_site import hours
from clinic_site.environment import env


def clinic_details_from_environment():
    return {
        "name": "Ecla Clinic",
        "street_address": "1128, Al Wasl Road, Umm Suqeim 2, Jumeirah",
        "locality": _("Dubai"),
        "country": "AE",
        "country_name": _("United Arab Emirates"),
        # From clinic_site/hours.py, which the front desk's clocks also read.
        "hours": hours.opening_hours_text(),
        "opening_days": hours.schema_opening_days(),
        "opens": f"{hours.OPENS:%H:%M}",
        "closes": f"{hours.CLOSES:%H:%M}",
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
