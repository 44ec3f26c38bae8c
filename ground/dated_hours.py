"""Dated hours: hours that replace the weekly ones between two dates (a closed holiday, a
Ramadan plan), one calendar for the picker, the footer, the structured data and the clocks.

The clinic manager edits them in the admin (models.py); everything reads them through
`plans()`, which keeps them a few seconds per process (KEPT_SECONDS: a change in the admin
reaches every process within them, and this process at once, apps.py's `forget()`).
"""

import logging
import threading
import time
from dataclasses import dataclass

from ground.limits import log_store_unavailable

logger = logging.getLogger(__name__)

# How long a process shows the plans it read without reading them again.
KEPT_SECONDS = 5
# After a failed read, how long the last plans read stand in before trying again.
RETRY_SECONDS = 5


@dataclass(frozen=True)
class Plan:
    starts_on: object
    ends_on: object
    closed: bool
    spans: tuple  # ((weekday, opens, closes), ...); a weekday without one is closed
    name: str = ""

    def covers(self, day):
        return self.starts_on <= day <= self.ends_on

    def spans_on(self, day):
        """[(opens, closes)] of this date under this plan."""
        if self.closed:
            return []
        weekday = day.weekday()
        return [(opens, closes) for day_of, opens, closes in self.spans if day_of == weekday]


_last = {"plans": (), "fresh_until": 0.0}
_lock = threading.Lock()


def read_plans():
    """The dated hours in the database as Plans, the shortest first (a closed day inside
    Ramadan wins over Ramadan)."""
    from ground.models import DatedHours

    plans = [
        Plan(
            plan.starts_on,
            plan.ends_on,
            plan.closed,
            tuple((day.weekday, day.opens, day.closes) for day in plan.days.all()),
            plan.name,
        )
        for plan in DatedHours.objects.prefetch_related("days")
    ]
    plans.sort(key=lambda plan: plan.ends_on - plan.starts_on)
    return tuple(plans)


def plans():
    """The dated hours, as this process keeps them. The footer's hours must never take a page
    down: when they can't be read (the database away), the last ones read stand in and the
    failure is logged once a minute."""
    if _last["fresh_until"] > time.monotonic():
        return _last["plans"]
    try:
        current = read_plans()
    except Exception:  # whatever went wrong, the page is served
        with _lock:
            _last["fresh_until"] = time.monotonic() + RETRY_SECONDS
        log_store_unavailable(logger, "The dated hours can't be read: the last ones read stand in")
        return _last["plans"]
    with _lock:
        _last.update(plans=current, fresh_until=time.monotonic() + KEPT_SECONDS)
    return current


def forget(**kwargs):
    """Read the plans again at the next call, even after a failure (a change was just saved).
    A receiver of the dated hours' post_save and post_delete (apps.py)."""
    with _lock:
        _last.update(plans=(), fresh_until=0.0)


def plan_of(day, current):
    """The plan that decides this date's hours, or None (the weekly hours)."""
    for plan in current:
        if plan.covers(day):
            return plan
    return None
