"""The "Requests report" page and its CSV: for superusers and the "Clinic manager" group."""

from collections import defaultdict
from datetime import timedelta
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from audit.trail import Action, record
from consultations.models import ConsultationRequest
from consultations.spreadsheet import FormulaSafeWriter
from frontdesk import report

PERMISSION = "consultations.view_requests_report"
MAX_WEEKS = 104
BAR_HEIGHT, GAP, LABEL_WIDTH, BAR_SPACE = 22, 6, 220, 300


def can_see_report(user):
    return user.is_active and user.is_staff and (user.is_superuser or user.has_perm(PERMISSION))


def chosen_weeks(request):
    try:
        weeks = int(request.GET.get("weeks", report.DEFAULT_WEEKS))
    except ValueError:
        weeks = report.DEFAULT_WEEKS
    return min(max(weeks, 1), MAX_WEEKS)


def list_url(start, end, **filters):
    params = {
        "work": "all",
        "created_at__gte": f"{start:%Y-%m-%d}",
        "created_at__lt": f"{end:%Y-%m-%d}",
        **filters,
    }
    return reverse("admin:consultations_consultationrequest_changelist") + "?" + urlencode(params)


def chart(title, rows):
    """An SVG bar chart's geometry: rows of (label, count, url); the count is printed on each
    bar, so it reads without colour."""
    biggest = max((count for _label, count, _url in rows), default=0) or 1
    bars = []
    for index, (label, count, url) in enumerate(rows):
        y = index * (BAR_HEIGHT + GAP)
        width = round(BAR_SPACE * count / biggest)
        bars.append(
            {
                "label": label,
                "count": count,
                "url": url,
                "y": y,
                "text_y": y + BAR_HEIGHT - 6,
                "width": max(width, 1),
                "count_x": LABEL_WIDTH + max(width, 1) + 6,
            }
        )
    return {
        "title": title,
        "bars": bars,
        "height": max(len(rows) * (BAR_HEIGHT + GAP), BAR_HEIGHT),
        "label_x": LABEL_WIDTH - 8,
        "bar_x": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
        "width": LABEL_WIDTH + BAR_SPACE + 60,
    }


def status_label(value):
    return str(ConsultationRequest.Status(value).label)


def figures(start, end):
    weeks = report.weeks_of(start, end)
    by_week = report.weekly_counts(start, end, "status")
    # Day first, as the report's tables write their weeks (the CSV keeps ISO dates).
    week_rows = [
        (date_format(week, "SHORT_DATE_FORMAT"), sum(by_week.get(week, {}).values()), week)
        for week in weeks
    ]
    status_totals = defaultdict(int)
    for counts in by_week.values():
        for value, count in counts.items():
            status_totals[value] += count
    statuses = sorted(status_totals.items(), key=lambda item: -item[1])
    page_shares = report.shares(start, end, "source_path")
    campaign_shares = report.shares(start, end, "utm_source")
    pages = [(row[0], row[1]) for row in page_shares]
    campaigns = [(row[0], row[1]) for row in campaign_shares]
    none = _("none")
    medians = report.medians(start, end)
    return {
        "weeks": weeks,
        "week_chart": chart(
            _("Requests per week"),
            [
                (label, count, list_url(week, week + timedelta(weeks=1)))
                for label, count, week in week_rows
            ],
        ),
        "status_chart": chart(
            _("Requests by status"),
            [
                (status_label(value), count, list_url(start, end, status__exact=value))
                for value, count in statuses
            ],
        ),
        "page_chart": chart(
            _("Requests by the page they were sent from"),
            [
                (value or none, count, list_url(start, end, source_path=value))
                for value, count in pages
                if value
            ],
        ),
        "campaign_chart": chart(
            _("Requests by campaign source"),
            [
                (value or none, count, list_url(start, end, utm_source=value or "-"))
                for value, count in campaigns
            ],
        ),
        "status_weeks": [
            (week, [by_week.get(week, {}).get(value, 0) for value, _label in STATUSES])
            for week in weeks
        ],
        "statuses": [label for _value, label in STATUSES],
        "campaign_shares": shares_rows(campaign_shares, none),
        "page_shares": shares_rows(page_shares, none),
        "medians": [(week, *medians.get(week, (None, None))) for week in weeks],
    }


STATUSES = ConsultationRequest.Status.choices


def shares_rows(rows, none):
    def percent(part, whole):
        return round(100 * part / whole) if whole else 0

    return [
        {
            "source": value or none,
            "requests": requests,
            "booked": booked,
            "booked_percent": percent(booked, requests),
            "attended": attended,
            "attended_percent": percent(attended, requests),
        }
        for value, _everything, requests, booked, attended in rows
        if requests
    ]


def report_view(request, model_admin):
    if not can_see_report(request.user):
        raise PermissionDenied
    weeks = chosen_weeks(request)
    start, end = report.period(weeks)
    if request.GET.get("format") == "csv":
        return report_csv(request, start, end)
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Requests report"),
        "opts": model_admin.opts,
        "weeks_chosen": weeks,
        "week_choices": (4, 12, 26, 52),
        "start": start.date(),
        "end": (end - timedelta(days=1)).date(),
        **figures(start, end),
    }
    return TemplateResponse(request, "admin/frontdesk/report.html", context)


def report_csv(request, start, end):
    data = figures(start, end)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="requests-report-{start:%Y-%m-%d}.csv"'
    writer = FormulaSafeWriter(response)
    writer.writerow(["figure", "week or period", "value", "count"])
    iso_weeks = [f"{week:%Y-%m-%d}" for week in data["weeks"]]
    for key in ("week_chart", "status_chart", "page_chart", "campaign_chart"):
        bars = data[key]["bars"]
        labels = iso_weeks if key == "week_chart" else [bar["label"] for bar in bars]
        for bar, label in zip(bars, labels, strict=True):
            writer.writerow([key.removesuffix("_chart"), f"{start:%Y-%m-%d}", label, bar["count"]])
    for week, counts in data["status_weeks"]:
        for label, count in zip(data["statuses"], counts, strict=True):
            writer.writerow(["status per week", f"{week:%Y-%m-%d}", label, count])
    for name in ("campaign_shares", "page_shares"):
        for row in data[name]:
            for measure in ("requests", "booked", "attended"):
                writer.writerow(
                    [f"{name} {measure}", f"{start:%Y-%m-%d}", row["source"], row[measure]]
                )
    for week, attempt, reach in data["medians"]:
        writer.writerow(["median minutes to first attempt", f"{week:%Y-%m-%d}", "", attempt or ""])
        writer.writerow(["median minutes to first reach", f"{week:%Y-%m-%d}", "", reach or ""])
    record(request, Action.EXPORTED, ConsultationRequest, scope="requests report")
    return response
