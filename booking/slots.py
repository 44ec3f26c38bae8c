"""Which times the clinic offers: its hours (ground/hours.py's open_spans: the weekly hours, or
dated hours that replace them), the slot length and buffer, the minimum notice, how far ahead,
and how many are already taken.

Every time is Asia/Dubai. The settings are read once per process and kept for a few seconds (a
change in the admin reaches every process within RULES_SECONDS), as ground keeps the dated hours
(ground/dated_hours.py), so showing the picker costs one query for the bookings it must leave
out.
"""

import threading
import time as monotonic_time
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from booking.lapsing import lapse_overdue
from booking.models import MOST_DAYS_AHEAD, SHORTEST_MINUTES, Booking, ClinicSettings
from ground import dated_hours
from ground.hours import CLINIC_TIMEZONE, open_spans

RULES_SECONDS = 5
# How long a process may show the picker's taken times without reading them again. A time taken
# meanwhile is refused by the database when sent (with the next free times, read afresh); every
# change this process makes reads them again at once.
TAKEN_SECONDS = 2
# The settings' validators keep a row within these; the loops hold to them even when a row
# written around the admin is not (a zero step would loop until the worker is killed).
MINIMUM_STEP = timedelta(minutes=SHORTEST_MINUTES)
_kept = {}
_lock = threading.Lock()


@dataclass(frozen=True)
class Rules:
    settings: ClinicSettings
    plans: tuple  # the shortest first: a closed day inside Ramadan wins over Ramadan


def rules():
    """The clinic's settings, as this process keeps them, and the dated hours, as ground keeps
    them (one calendar: the picker's hours are the footer's)."""
    with _lock:
        kept = _kept.get("settings")
        if kept and kept[1] > monotonic_time.monotonic():
            return Rules(kept[0], dated_hours.plans())
    settings = ClinicSettings.load()
    with _lock:
        _kept["settings"] = (settings, monotonic_time.monotonic() + RULES_SECONDS)
    return Rules(settings, dated_hours.plans())


def forget_rules(**kwargs):
    """Read the settings (and the taken times) again at the next request."""
    with _lock:
        _kept.clear()


def day_starts(day, current):
    """Every start of a consultation on this date, in the clinic's hours (aware, Dubai)."""
    settings = current.settings
    if settings.slot_minutes <= 0:
        return []
    step = max(settings.step, MINIMUM_STEP)
    starts = []
    for opens, closes in open_spans(day, current.plans):
        start = datetime.combine(day, opens, tzinfo=CLINIC_TIMEZONE)
        close = datetime.combine(day, closes, tzinfo=CLINIC_TIMEZONE)
        while start + settings.slot_length <= close:
            starts.append(start)
            start += step
    return starts


# How far a hold's deadline is sought for an opening day (a month closed is not a clinic).
LAPSE_SEARCH_DAYS = 31


def hold_lapses_at(chosen_at, current):
    """When a time held at `chosen_at` lapses unless confirmed: the close of the clinic's
    settings.hold_opening_days-th opening day after the day it was chosen (its dated hours too)."""
    day = chosen_at.astimezone(CLINIC_TIMEZONE).date()
    left = current.settings.hold_opening_days
    for _ in range(LAPSE_SEARCH_DAYS):
        day += timedelta(days=1)
        spans = open_spans(day, current.plans)
        if spans:
            left -= 1
            if left <= 0:
                return datetime.combine(day, max(closes for _o, closes in spans), CLINIC_TIMEZONE)
    return datetime.combine(day, time.max, CLINIC_TIMEZONE)


def window(now, current):
    """(earliest start, first day, last day) patients may choose from now."""
    settings = current.settings
    local = now.astimezone(CLINIC_TIMEZONE)
    earliest = local + timedelta(hours=settings.minimum_notice_hours)
    last_day = local.date() + timedelta(days=min(settings.days_ahead, MOST_DAYS_AHEAD))
    return earliest, earliest.date(), last_day


def offered_starts(now, current, first_day=None, last_day=None):
    """Every start in the clinic's hours within the notice and the days ahead, taken or not."""
    earliest, first, last = window(now, current)
    first = max(first, first_day) if first_day else first
    last = min(last, last_day) if last_day else last
    starts, day = [], first
    while day <= last:
        starts += [start for start in day_starts(day, current) if start >= earliest]
        day += timedelta(days=1)
    return starts


def recall(key):
    """What this process kept under `key` in the last TAKEN_SECONDS, or None."""
    with _lock:
        kept = _kept.get(key)
    return kept[0] if kept and kept[1] > monotonic_time.monotonic() else None


def keep(key, value):
    with _lock:
        if len(_kept) > 200:  # windows move on every half hour: drop the old ones now and then
            _kept.clear()
        _kept[key] = (value, monotonic_time.monotonic() + TAKEN_SECONDS)


def forget_taken(**kwargs):
    with _lock:
        for key in [key for key in _kept if key != "settings"]:
            del _kept[key]


def taken_counts(starts, length, leave_out=None, *, fresh=True):
    """{start: how many held or confirmed bookings overlap it}, one query for the whole span;
    kept for TAKEN_SECONDS unless `fresh` (a patient's choice is always checked afresh)."""
    if not starts:
        return Counter()
    key = ("taken", starts[0], starts[-1], length, leave_out)
    if not fresh and (kept := recall(key)) is not None:
        return kept
    counts = _read_taken(starts, length, leave_out)
    keep(key, counts)
    return counts


def _read_taken(starts, length, leave_out):
    lapse_overdue()  # a lapsed hold is free: never shown as taken
    booked = Booking.objects.active().between(starts[0], starts[-1] + length)
    if leave_out is not None:
        booked = booked.exclude(pk=leave_out)
    counts = Counter()
    for begins, ends in booked.values_list("starts_at", "ends_at"):
        # The offered times a booking overlaps: usually its own start, once a grid changed more.
        at = max(bisect_left(starts, begins - length), 0)
        while at < len(starts) and starts[at] < ends:
            if starts[at] + length > begins:
                counts[starts[at]] += 1
            at += 1
    return counts


def free_starts(now, current=None, *, first_day=None, last_day=None, leave_out=None, fresh=True):
    """The offered starts that still have a free place, in order."""
    current = current or rules()
    starts = offered_starts(now, current, first_day, last_day)
    taken = taken_counts(starts, current.settings.slot_length, leave_out, fresh=fresh)
    return [start for start in starts if taken[start] < current.settings.capacity]


def is_offered(start, now, current=None):
    """True when `start` is a time the clinic offers now, free or not (in hours, not past, not
    sooner than the notice, not beyond the days ahead)."""
    current = current or rules()
    local = start.astimezone(CLINIC_TIMEZONE)
    return local in offered_starts(now, current, local.date(), local.date())


def by_day(starts):
    """[(date, [starts])] in order."""
    days = []
    for start in starts:
        local = start.astimezone(CLINIC_TIMEZONE)
        if not days or days[-1][0] != local.date():
            days.append((local.date(), []))
        days[-1][1].append(local)
    return days
