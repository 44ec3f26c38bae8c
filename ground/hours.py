"""The clinic's opening hours, defined once: the weekly hours here, replaced on some dates by
dated hours (dated_hours.py). The picker, the footer, the structured data and the front desk's
clocks ("time to first call, in clinic hours") all read them through `open_spans()`."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from ground import dated_hours

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


def open_spans(day, plans=None):
    """[(opens, closes)] of this date: its dated hours when a plan covers it, else the weekly
    hours. `plans` as dated_hours.plans() gives them (read once for many days)."""
    plan = dated_hours.plan_of(day, dated_hours.plans() if plans is None else plans)
    if plan is not None:
        return plan.spans_on(day)
    if day.weekday() in OPEN_WEEKDAYS:
        return [(OPENS, CLOSES)]
    return []


def clinic_minutes_between(start, end):
    """Whole minutes between two moments counted only while the clinic is open (its dated
    hours too: an Eid closed day counts nothing).

    A request sent at 23:00 and answered at 10:10 the next morning took 10 minutes.
    """
    if end <= start:
        return 0
    start, end = start.astimezone(CLINIC_TIMEZONE), end.astimezone(CLINIC_TIMEZONE)
    plans = dated_hours.plans()
    seconds = 0.0
    day = start.date()
    while day <= end.date():
        for opens, closes in open_spans(day, plans):
            begin = max(datetime.combine(day, opens, tzinfo=CLINIC_TIMEZONE), start)
            finish = min(datetime.combine(day, closes, tzinfo=CLINIC_TIMEZONE), end)
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
