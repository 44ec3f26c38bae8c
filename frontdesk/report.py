"""The owner's "Requests report": weekly figures aggregated in the database.

Weeks start on Monday in Dubai. Spam is kept in the counts by status; it is left out of the
booked and attended shares and of the clocks, as is a patient's repeat within the hour.
"""

import statistics
from collections import defaultdict
from datetime import datetime, timedelta

from django.db import connection
from django.db.models import Aggregate, Count, FloatField, Q
from django.db.models.functions import TruncWeek

from consultations.models import ConsultationRequest
from ground.hours import CLINIC_TIMEZONE, clinic_today

Status = ConsultationRequest.Status
DEFAULT_WEEKS = 12
BOOKED = (Status.BOOKED, Status.ATTENDED, Status.NO_SHOW)


class Median(Aggregate):
    """PostgreSQL's median; other databases get it from the values (see medians())."""

    function = "PERCENTILE_CONT"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


def period(weeks=DEFAULT_WEEKS, today=None):
    """(start, end) of the last `weeks` whole weeks up to and including this one, in Dubai."""
    today = today or clinic_today()
    monday = today - timedelta(days=today.weekday())
    first = monday - timedelta(weeks=weeks - 1)
    start = datetime.combine(first, datetime.min.time(), tzinfo=CLINIC_TIMEZONE)
    return start, start + timedelta(weeks=weeks)


# What the counts count: every request has a received time, and it is the covering index's key
# (consultations.Meta.indexes), so the report reads that index alone. COUNT(id) read the table.
COUNTED = "created_at"


def requests_in(start, end):
    return ConsultationRequest.objects.filter(created_at__gte=start, created_at__lt=end)


def _week():
    return TruncWeek("created_at", tzinfo=CLINIC_TIMEZONE)


def weekly_counts(start, end, field):
    """{week start date: {value of field: count}} for the requests in the period."""
    rows = (
        requests_in(start, end)
        .annotate(week=_week())
        .values("week", field)
        .annotate(count=Count(COUNTED))
        .order_by()
    )
    table = defaultdict(dict)
    for row in rows:
        table[_as_date(row["week"])][row[field]] = row["count"]
    return table


def shares(start, end, field):
    """[(value, all requests, requests without spam, booked, attended)], largest first: the
    count behind each rate, and the bars' totals, in one query."""
    rows = (
        requests_in(start, end)
        .values(field)
        .annotate(
            everything=Count(COUNTED),
            requests=Count(COUNTED, filter=~Q(status=Status.SPAM)),
            booked=Count(COUNTED, filter=Q(status__in=BOOKED)),
            attended=Count(COUNTED, filter=Q(status=Status.ATTENDED)),
        )
        .order_by("-everything")
    )
    return [
        (row[field], row["everything"], row["requests"], row["booked"], row["attended"])
        for row in rows
    ]


def for_clocks(start, end):
    """The requests the clocks count: no spam, no repeat from the same number within the hour.

    A repeat is marked when it comes in (consultations/submission.py), so no join is needed.
    """
    return requests_in(start, end).exclude(status=Status.SPAM).exclude(repeat_within_hour=True)


def medians(start, end):
    """{week: [median minutes to first attempt, median minutes to first reach]}, one query."""
    fields = ("minutes_to_first_attempt", "minutes_to_first_reach")
    rows = (
        for_clocks(start, end)
        .filter(minutes_to_first_attempt__isnull=False)
        .annotate(week=_week())
        .order_by()
    )
    if connection.vendor == "postgresql":
        weekly = rows.values("week").annotate(attempt=Median(fields[0]), reach=Median(fields[1]))
        return {_as_date(row["week"]): [row["attempt"], row["reach"]] for row in weekly}
    grouped = defaultdict(lambda: ([], []))
    for week, attempt, reach in rows.values_list("week", *fields):
        grouped[_as_date(week)][0].append(attempt)
        if reach is not None:
            grouped[_as_date(week)][1].append(reach)
    return {
        week: [statistics.median(values) if values else None for values in pair]
        for week, pair in grouped.items()
    }


def weeks_of(start, end):
    week, weeks = start.date(), []
    while week < end.date():
        weeks.append(week)
        week += timedelta(weeks=1)
    return weeks


def _as_date(value):
    return value.astimezone(CLINIC_TIMEZONE).date() if hasattr(value, "astimezone") else value
