"""The "Visits report" page and its CSV: the owner's report's permission, its CSV writer."""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from audit.trail import Action, record
from consultations.models import ConsultationRequest
from consultations.spreadsheet import FormulaSafeWriter
from frontdesk import visits_report
from frontdesk.report_views import can_see_report
from ground.hours import clinic_today
from visits.models import LeftOutDay

MAX_DAYS = 366
BAR_HEIGHT, GAP, LABEL_WIDTH, BAR_SPACE = 22, 6, 180, 300


def chosen_period(request):
    """The days asked for (?from=&to=, ISO dates), else this week, Monday to Sunday in Dubai."""
    today = clinic_today()
    first = today - timedelta(days=today.weekday())
    last = first + timedelta(days=6)
    try:
        first = date.fromisoformat(request.GET.get("from", "")) if "from" in request.GET else first
        last = date.fromisoformat(request.GET.get("to", "")) if "to" in request.GET else last
    except ValueError:
        pass
    if last < first:
        first, last = last, first
    return first, min(last, first + timedelta(days=MAX_DAYS - 1))


def step_labels():
    labels = [_("Visitors"), _("Views"), _("Requests")]
    return labels + [str(label) for _name, label, _condition in visits_report.steps()]


def rate(part, whole):
    """(percent, part, whole): every rate is shown with the counts it is made of."""
    return (round(100 * part / whole) if whole else None, part, whole)


def with_rates(rows):
    """Each funnel row with the rate of each step from the one before (views: per visitor)."""
    made = []
    for key, counts in rows:
        rates = [None, None, rate(counts[2], counts[0])]
        rates += [rate(counts[index], counts[index - 1]) for index in range(3, len(counts))]
        made.append({"key": key, "cells": list(zip(counts, rates, strict=True))})
    return made


def funnel_chart(title, counts, labels):
    """An SVG of one funnel: a bar per step, its count printed on it (reads without colour)."""
    biggest = max(counts, default=0) or 1
    bars = []
    for index, (label, count) in enumerate(zip(labels, counts, strict=True)):
        y = index * (BAR_HEIGHT + GAP)
        width = max(round(BAR_SPACE * count / biggest), 1)
        bars.append(
            {
                "label": label,
                "count": count,
                "y": y,
                "text_y": y + BAR_HEIGHT - 6,
                "width": width,
                "count_x": LABEL_WIDTH + width + 6,
            }
        )
    return {
        "title": title,
        "bars": bars,
        "height": len(bars) * (BAR_HEIGHT + GAP),
        "label_x": LABEL_WIDTH - 8,
        "bar_x": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
        "width": LABEL_WIDTH + BAR_SPACE + 60,
    }


def language_name(code):
    return {"en": _("English pages"), "ar": _("Arabic pages")}.get(code, code)


def figures(first, last):
    labels = step_labels()
    by_landing = visits_report.funnel(first, last, visits_report.LANDING)
    by_campaign = visits_report.funnel(first, last, visits_report.CAMPAIGN)
    languages = []
    for code in sorted(set(by_landing) | set(by_campaign), key=lambda code: code != "en"):
        landing_rows = by_landing.get(code, [])
        totals = [sum(column) for column in zip(*(row[1] for row in landing_rows), strict=False)]
        totals = totals or [0] * len(labels)
        languages.append(
            {
                "code": code,
                "name": language_name(code),
                "chart": funnel_chart(language_name(code), totals, labels),
                "landing": with_rates(landing_rows),
                "campaigns": with_rates(by_campaign.get(code, [])),
            }
        )
    left_out = visits_report.left_out(first, last)
    return {
        "labels": labels,
        "landing_headings": [_("Landing page")],
        "campaign_headings": [_("Source"), _("Medium"), _("Campaign")],
        "landing_columns": 1 + len(labels),
        "campaign_columns": 3 + len(labels),
        "languages": languages,
        "referrers": visits_report.top_referrers(first, last),
        "pages": visits_report.top_pages(first, last),
        "left_out": [
            (str(reason.label), left_out.get(reason.value, 0)) for reason in LeftOutDay.Reason
        ],
        "left_out_by_reason": left_out,
        "bots_left_out": left_out.get(LeftOutDay.Reason.BOT.value, 0),
    }


def visits_report_view(request, model_admin):
    if not can_see_report(request.user):
        raise PermissionDenied
    first, last = chosen_period(request)
    if request.GET.get("format") == "csv":
        return visits_csv(request, first, last)
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Visits report"),
        "opts": model_admin.opts,
        "first": first,
        "last": last,
        **figures(first, last),
    }
    return TemplateResponse(request, "admin/frontdesk/visits_report.html", context)


def visits_csv(request, first, last):
    data = figures(first, last)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="visits-report-{first:%Y-%m-%d}-to-{last:%Y-%m-%d}.csv"'
    )
    writer = FormulaSafeWriter(response)
    measures = ["visitors", "views", "requests"]
    measures += [name for name, _label, _condition in visits_report.steps()]
    writer.writerow(["figure", "from", "to", "language", "page or site", "source", "medium",
                     "campaign", *measures])  # fmt: skip
    period = [f"{first:%Y-%m-%d}", f"{last:%Y-%m-%d}"]
    for language in data["languages"]:
        for row in language["landing"]:
            counts = [count for count, _rate in row["cells"]]
            writer.writerow(["landing page", *period, language["code"], row["key"][0], "", "", "",
                             *counts])  # fmt: skip
        for row in language["campaigns"]:
            counts = [count for count, _rate in row["cells"]]
            writer.writerow(["campaign", *period, language["code"], "", *row["key"], *counts])
    for host, visits in data["referrers"]:
        writer.writerow(["referrer", *period, "", host, "", "", "", visits])
    for path, language, views in data["pages"]:
        writer.writerow(["page views", *period, language, path, "", "", "", "", views])
    for reason in LeftOutDay.Reason:
        views = data["left_out_by_reason"].get(reason.value, 0)
        writer.writerow([f"left out: {reason.value}", *period, "", "", "", "", "", "", views])
    record(request, Action.EXPORTED, ConsultationRequest, scope="visits report")
    return response
