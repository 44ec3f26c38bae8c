"""What the site can't say without being told: the clinic's phone number."""

import re

from django.conf import settings
from django.core import checks


def clinic_phone_is_set(app_configs=None, **kwargs):
    if re.search(r"\d", settings.CLINIC["phone"]):
        return []
    return [
        checks.Warning(
            "The clinic has no phone number: the error pages, the try-again page and the "
            "contact links tell patients to call the clinic, and show no number.",
            hint="Set CLINIC_PHONE, e.g. CLINIC_PHONE='+971 4 123 4567'.",
            id="ground.W001",
        )
    ]
