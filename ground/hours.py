"""The clinic's opening hours, defined once: the footer, the structured data and the front
desk's clocks ("time to first call, in clinic hours") all read them from here."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

CLINIC_TIMEZONE = ZoneInfo("Asia/Dubai")
OPENS = time(10, 0)
CLOSES = time(22, 0)
# Monday is 0, as datetime.weekday() counts; Sunday (6) is closed.
OPEN_WEEKDAYS = (0, 1, 2, 3, 4, 5)
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def schema_opening_days():
    """The open days as schema.org names them, for the JSON-LD."""
    return [WEEKDAY_NAMES[day] for day in OPEN_WEEKDAYS]


def now():
    """The current moment; the front desk's rules read the time only through here."""
    return timezone.now()


def clinic_now():
    return now().astimezone(CLINIC_TIMEZONE)


def clinic_today():
    """Today's date in Dubai, not in UTC: 01:00 in Dubai is still yesterday in UTC."""
    return clinic_now().date()


def _open_span(day):
    """The (opens, closes) aware datetimes of this date, or None when the clinic is closed."""
    if day.weekday() not in OPEN_WEEKDAYS:
        return None
    return (
        datetime.combine(day, OPENS, tzinfo=CLINIC_TIMEZONE),
        datetime.combine(day, CLOSES, tzinfo=CLINIC_TIMEZONE),
    )


def clinic_minutes_between(start, end):
    """Whole minutes between two moments counted only while the clinic is open.

    A request sent at 23:00 and answered at 10:10 the next morning took 10 minutes.
    """
    if end <= start:
        return 0
    start, end = start.astimezone(CLINIC_TIMEZONE), end.astimezone(CLINIC_TIMEZONE)
    seconds = 0.0
    day = start.date()
    while day <= end.date():
        span = _open_span(day)
        if span:
            begin, finish = max(span[0], start), min(span[1], end)
            if finish > begin:
                seconds += (finish - begin).total_seconds()
        day += timedelta(days=1)
    return int(seconds // 60)


def _clock(moment):
    """10:00 and 22:00: the 24-hour clock the picker, the visit page, the calendar files and the
    WhatsApp texts write (no am/pm to translate, none to misread, in either language)."""
    return f"{moment:%H:%M}"


def opening_hours_text():
    """The hours as the footer shows them, e.g. "Monday to Saturday, 10:00 to 22:00"."""
    return format_lazy(
        _("{first_day} – {last_day}: {opens} – {closes}"),
        first_day=WEEKDAYS[OPEN_WEEKDAYS[0]],
        last_day=WEEKDAYS[OPEN_WEEKDAYS[-1]],
        opens=_clock(OPENS),
        closes=_clock(CLOSES),
    )
