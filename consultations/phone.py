import unicodedata

import phonenumbers
from django.conf import settings


def western_digits(text):
    """The text with Arabic-Indic (٠١٢), Persian (۰۱۲) and other decimal digits as 0-9."""
    return "".join(str(unicodedata.decimal(char)) if char.isdecimal() else char for char in text)


def parse_search_number(text):
    """The E.164 form of a phone number typed in any common way, or None if it isn't one.

    "050 123 4567", "0501234567", "+971 50 123 4567", "00971501234567", "971501234567" and
    "٠٥٠١٢٣٤٥٦٧" all give "+971501234567".
    """
    text = western_digits(text)
    digits = "".join(char for char in text if char.isdigit())
    if len(digits) < 7:
        return None
    candidates = [text]
    if not text.strip().startswith(("+", "00")):
        candidates.append(f"+{digits}")
    for candidate in candidates:
        try:
            number = phonenumbers.parse(candidate, settings.PHONENUMBER_DEFAULT_REGION)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return None
