"""Dated hours: hours that replace the weekly ones between two dates (a closed holiday, a
Ramadan plan), one calendar for the picker, the footer, the structured data and the clocks.

ground is the lowest floor and can't read booking's tables, where the clinic manager edits the
dated hours. So the app that keeps them registers a function giving them as Plans (booking
keeps them a few seconds per process, slots.RULES_SECONDS), and everything here reads them
through `plans()`. Without one (a site without booking) there are none: the weekly hours.
"""

import logging
import threading
import time
from dataclasses import dataclass

from ground.limits import log_store_unavailable

logger = logging.getLogger(__name__)

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


_source = {"plans": tuple}
_last = {"plans": (), "retry_at": 0.0}
_lock = threading.Lock()


def register_plans(function):
    """`function()` gives the dated hours as Plans, the shortest first (a closed day inside
    Ramadan wins over Ramadan). Called from an app's AppConfig.ready()."""
    _source["plans"] = function


def plans():
    """The dated hours. The footer's hours must never take a page down: when they can't be read
    (the database away), the last ones read stand in and the failure is logged once a minute."""
    if _last["retry_at"] > time.monotonic():
        return _last["plans"]
    try:
        current = _source["plans"]()
    except Exception:  # whatever the source, the page is served
        with _lock:
            _last["retry_at"] = time.monotonic() + RETRY_SECONDS
        log_store_unavailable(logger, "The dated hours can't be read: the last ones read stand in")
        return _last["plans"]
    _last["plans"] = current
    return current


def forget():
    """Read the plans again at the next call, even after a failure (a change was just saved)."""
    with _lock:
        _last.update(plans=(), retry_at=0.0)


def plan_of(day, current):
    """The plan that decides this date's hours, or None (the weekly hours)."""
    for plan in current:
        if plan.covers(day):
            return plan
    return None
