"""Which pages and campaigns bring booked consultations: the figures of the visits report.

Per landing page and per campaign (source, medium, name), English and Arabic apart: visitors
and views (visits/, daily counts) → requests (no spam) → times chosen → confirmed → attended
(the requests received in the period, credited to their visit's landing page and campaign).
"""

from collections import defaultdict
from datetime import datetime, timedelta

from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, OuterRef, Q, Sum
from django.utils.translation import gettext_lazy as _

from booking.models import Booking
from consultations.models import ConsultationRequest
from ground.hours import CLINIC_TIMEZONE
from visits.models import LandingDay, LeftOutDay, PageDay, ReferrerDay

Status = ConsultationRequest.Status
TOP = 10
LANDING = ("landing_path",)
CAMPAIGN = ("utm_source", "utm_medium", "utm_campaign")


def steps():
    """[(name, label, condition on a request)]: the funnel's steps after the request."""
    return [
        # A time was chosen, whatever became of it.
        ("chosen", _("Times chosen"), Exists(Booking.objects.filter(request=OuterRef("pk")))),
        # Its time was confirmed (and still is, or was attended).
        (
            "confirmed",
            _("Confirmed"),
            Exists(Booking.objects.filter(request=OuterRef("pk"), status=Booking.Status.CONFIRMED)),
        ),
        ("attended", _("Attended"), Q(status=Status.ATTENDED)),
    ]


def bounds(first, last):
    """The period's first and last day as the moments that begin and end it in Dubai."""
    start = datetime.combine(first, datetime.min.time(), tzinfo=CLINIC_TIMEZONE)
    return start, start + timedelta(days=(last - first).days + 1)


def visit_counts(first, last, fields):
    """{(language, *fields): [visitors, views]} for the days first..last."""
    rows = (
        LandingDay.objects.filter(day__gte=first, day__lte=last)
        .values("language", *fields)
        .annotate(visitors=Sum("visitors"), views=Sum("views"))
        .order_by()
    )
    return {
        (row["language"], *(row[field] for field in fields)): [row["visitors"], row["views"]]
        for row in rows
    }


def request_counts(first, last, fields):
    """{(language, *fields): [requests, each step's count]} for the requests received then."""
    start, end = bounds(first, last)
    annotations = {
        f"is_{name}": ExpressionWrapper(condition, output_field=BooleanField())
        for name, _label, condition in steps()
    }
    counts = {name: Count("pk", filter=Q(**{f"is_{name}": True})) for name, _l, _c in steps()}
    rows = (
        ConsultationRequest.objects.filter(created_at__gte=start, created_at__lt=end)
        .exclude(status=Status.SPAM)
        .annotate(**annotations)
        .values("language", *fields)
        .annotate(requests=Count("pk"), **counts)
        .order_by()
    )
    return {
        (row["language"], *(row[field] for field in fields)): [
            row["requests"],
            *(row[name] for name, _label, _condition in steps()),
        ]
        for row in rows
    }


def funnel(first, last, fields):
    """{language: [(key, [visitors, views, requests, *steps])]}, most visitors first."""
    visits = visit_counts(first, last, fields)
    requests = request_counts(first, last, fields)
    width = 1 + len(steps())
    table = defaultdict(list)
    for key in sorted(set(visits) | set(requests)):
        language, *rest = key
        table[language].append(
            (tuple(rest), visits.get(key, [0, 0]) + requests.get(key, [0] * width))
        )
    for rows in table.values():
        rows.sort(key=lambda row: (-row[1][0], -row[1][2], row[0]))
    return dict(table)


def top_referrers(first, last):
    rows = (
        ReferrerDay.objects.filter(day__gte=first, day__lte=last)
        .values("host")
        .annotate(total=Sum("visits"))
        .order_by("-total", "host")
    )
    return [(row["host"], row["total"]) for row in rows[:TOP]]


def top_pages(first, last):
    rows = (
        PageDay.objects.filter(day__gte=first, day__lte=last)
        .values("path", "language")
        .annotate(total=Sum("views"))
        .order_by("-total", "path")
    )
    return [(row["path"], row["language"], row["total"]) for row in rows[:TOP]]


def left_out(first, last):
    """{reason: views} of the views not counted as visits."""
    rows = (
        LeftOutDay.objects.filter(day__gte=first, day__lte=last)
        .values("reason")
        .annotate(total=Sum("views"))
        .order_by()
    )
    return {row["reason"]: row["total"] for row in rows}
