"""The clinic's own details, shown in the header, footer, contact page and structured data.

Phone and WhatsApp are blank in the clinic's copy: they appear only once configured.
"""

from django.utils.translation import gettext_lazy as _

from clinic_site.environment import env


def clinic_details_from_environment():
    return {
        "name": "Ecla Clinic",
        "street_address": "1128, Al Wasl Road, Umm Suqeim 2, Jumeirah",
        "locality": _("Dubai"),
        "country": "AE",
        "country_name": _("United Arab Emirates"),
        "hours": _("Monday – Saturday: 10am – 10pm"),
        "opening_days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
        "opens": "10:00",
        "closes": "22:00",
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
