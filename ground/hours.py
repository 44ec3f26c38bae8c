"""The clinic's opening hours, defined once: the weekly hours, the clinic manager's in the admin
(models.WeeklyHours, read here and kept a few seconds per process, as the dated hours are),
replaced on some dates by dated hours (dated_hours.py). The picker, the footer, the structured
data and the front desk's clocks ("time to first call, in clinic hours") all read them through
`open_spans()`, and every page's wording of them is `opening_hours_text()`."""

import logging
from datetime import datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.functional import lazy
from django.utils.translation import gettext as _

from ground import dated_hours
from ground.kept import KeptRead

logger = logging.getLogger(__name__)

CLINIC_TIMEZONE = ZoneInfo("Asia/Dubai")
# The weekly hours while none are recorded (a database a test emptied, every row deleted in the
# admin): the hours the clinic kept before they were data, which migration ground 0003 recorded.
# Not a closed week: a clinic with no hours at all would offer no time and count no minute.
OPENS = time(10, 0)
CLOSES = time(22, 0)
# Monday is 0, as datetime.weekday() counts; Sunday (6) is closed.
OPEN_WEEKDAYS = (0, 1, 2, 3, 4, 5)
WITHOUT_RECORDED_HOURS = tuple((day, OPENS, CLOSES) for day in OPEN_WEEKDAYS)
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def read_weekly():
    """((weekday, opens, closes), ...) as recorded, Monday first, each day's spans in order."""
    from ground.models import WeeklyHours

    return tuple(WeeklyHours.objects.values_list("weekday", "opens", "closes"))


# The weekly hours as this process keeps them, as it keeps the dated hours (and as long): a
# change in the admin reaches every process within dated_hours.KEPT_SECONDS, this one at once
# (apps.py); read before the database answers, they are the constants above.
weekly = KeptRead(
    read_weekly,
    empty=(),
    logger=logger,
    unavailable="The weekly hours can't be read: the last ones read stand in",
    kept_seconds=dated_hours.KEPT_SECONDS,
    retry_seconds=dated_hours.RETRY_SECONDS,
)


def weekly_spans():
    """((weekday, opens, closes), ...): the weekly hours recorded in the admin, or the constants
    above while none are."""
    return weekly() or WITHOUT_RECORDED_HOURS


@lru_cache(maxsize=16)
def weekly_groups(spans):
    """((first weekday, last weekday, ((opens, closes), ...)), ...): consecutive weekdays with
    the same hours taken together, Monday first; a closed day is in none."""
    groups = []
    for weekday in range(7):
        day_spans = tuple((opens, closes) for day, opens, closes in spans if day == weekday)
        if not day_spans:
            continue
        if groups and groups[-1][1] == weekday - 1 and groups[-1][2] == day_spans:
            groups[-1] = (groups[-1][0], weekday, day_spans)
        else:
            groups.append((weekday, weekday, day_spans))
    return tuple(groups)


@lru_cache(maxsize=16)
def schema_opening_hours(spans):
    """The weekly hours as schema.org's OpeningHoursSpecification, one per group and span (made
    once per set of hours: clinic_details() asks on every page)."""
    return tuple(
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": list(WEEKDAY_NAMES[first : last + 1]),
            "opens": _clock(opens),
            "closes": _clock(closes),
        }
        for first, last, day_spans in weekly_groups(spans)
        for opens, closes in day_spans
    )


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
    weekday = day.weekday()
    return [(opens, closes) for day_of, opens, closes in weekly_spans() if day_of == weekday]


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


def spans_text(spans):
    """A day's spans in the active language, side by side, a dot between them (it reads either
    way): 10:00 to 14:00 · 16:00 to 22:00."""
    return " · ".join(
        # Translators: one opening span of a day, "10:00 – 16:00" (Arabic: «من … إلى»).
        _("{opens} – {closes}").format(opens=_clock(opens), closes=_clock(closes))
        for opens, closes in spans
    )


def _weekly_text(spans):
    groups = []
    for first, last, day_spans in weekly_groups(spans):
        if first == last:
            # Translators: the weekly hours of one day, "Friday: 14:00 – 22:00".
            text = _("{day}: {hours}").format(day=WEEKDAYS[first], hours=spans_text(day_spans))
        else:
            # Translators: the weekly hours of consecutive days, "Monday – Saturday: 10:00 –
            # 22:00" (Arabic: «من … إلى …، من … إلى …»).
            text = _("{first_day} – {last_day}: {hours}").format(
                first_day=WEEKDAYS[first], last_day=WEEKDAYS[last], hours=spans_text(day_spans)
            )
        groups.append(text)
    # Translators: between two groups of days of the weekly hours, "Monday – Thursday: 10:00 –
    # 22:00; Friday: 14:00 – 22:00" (Arabic: «؛ »).
    return _("; ").join(groups)


@lru_cache(maxsize=16)
def opening_hours_text(spans):
    """The weekly hours as every page writes them, in the language the page is rendered in:
    Monday to Saturday, 10:00 to 22:00; or Monday to Thursday, 10:00 to 22:00, then Friday, 14:00
    to 22:00 (consecutive days with the same hours together, a closed day left out; the exact
    wording is the catalogue's)."""
    return _lazy_weekly_text(spans)


_lazy_weekly_text = lazy(_weekly_text, str)
