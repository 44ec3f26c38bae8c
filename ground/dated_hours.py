"""Dated hours: hours that replace the weekly ones between two dates (a closed holiday, a
Ramadan plan), one calendar for the picker, the footer, the structured data and the clocks.

The clinic manager edits them in the admin (models.py); everything reads them through
`plans()`, which keeps them a few seconds per process (ground/kept.py: a change in the admin
reaches every process within KEPT_SECONDS, and this process at once, apps.py's `forget()`).
"""

import logging
from dataclasses import dataclass

from ground.kept import KeptRead

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


# The dated hours, as this process keeps them: the footer's hours must never take a page down.
plans = KeptRead(
    read_plans,
    empty=(),
    logger=logger,
    unavailable="The dated hours can't be read: the last ones read stand in",
    kept_seconds=KEPT_SECONDS,
    retry_seconds=RETRY_SECONDS,
)
forget = plans.forget


def plan_of(day, current):
    """The plan that decides this date's hours, or None (the weekly hours)."""
    for plan in current:
        if plan.covers(day):
            return plan
    return None
