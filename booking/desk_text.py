"""The front desk's messages with HTML in them: the patient's name in its own isolate (an Arabic
name must not carry the sentence's words or numbers into its direction), everything escaped."""

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from ground.isolates import name_bdi


def say(text, **values):
    values = {key: conditional_escape(value) for key, value in values.items()}
    return mark_safe(conditional_escape(text) % values)  # noqa: S308 (every part escaped)


def name(booking):
    return name_bdi(booking.request.name)


def link(url, text):
    return format_html(' <a href="{}">{}</a>', url, text)
