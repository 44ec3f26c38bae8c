"""Times as people in the UAE write them, in Dubai's time: "Tue 1 Dec, 10:30" in English,
«الثلاثاء 1 ديسمبر، 10:30» in Arabic (day and month names in Arabic); never month first."""

from django.utils import dateformat, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ground.hours import CLINIC_TIMEZONE

# Translators: a consultation's day and time as the UAE writes it, in Django's date format
# syntax: "D j M, H:i" is "Tue 1 Dec, 10:30". Arabic: full day name, the Arabic comma.
VISIT = gettext_noop("D j M, H:i")
# Translators: a day as the UAE writes it, in Django's date format syntax ("Tue 1 Dec").
DAY = gettext_noop("D j M")


def _format(moment, pattern, language):
    local = moment.astimezone(CLINIC_TIMEZONE)
    if language is None:  # the active language, without the cost of switching to it
        return dateformat.format(local, _(pattern))
    with translation.override(language):
        return dateformat.format(local, _(pattern))


def visit_time(moment, language=None):
    """ "Tue 1 Dec, 10:30" (in the active language unless one is given)."""
    return _format(moment, VISIT, language)


def visit_day(day, language=None):
    """ "Tue 1 Dec" for a date."""
    if language is None:
        return dateformat.format(day, _(DAY))
    with translation.override(language):
        return dateformat.format(day, _(DAY))


def clock(moment):
    return f"{moment.astimezone(CLINIC_TIMEZONE):%H:%M}"
