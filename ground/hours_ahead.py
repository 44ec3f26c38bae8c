"""The days ahead whose hours are not the weekly ones (dated_hours.py): the footer's and the
Where block's notice for this week ("Closed Wed 9 Dec: National Day"), the structured data's
special hours for the weeks ahead, and the edition the page cache renders its pages under (a
page cached before a change of weekly or dated hours, or yesterday, is rendered again:
page_cache.py)."""

from datetime import timedelta

from django.utils import dateformat
from django.utils.html import format_html
from django.utils.translation import gettext as _

from ground import dated_hours, hours

NOTICE_DAYS = 7
SPECIAL_DAYS = 28


def changed_runs(first_day, days, plans):
    """[(first, last, plan, spans)]: the days from first_day whose hours a plan changes, joined
    while the same plan gives the same hours on consecutive days."""
    runs = []
    for offset in range(days):
        day = first_day + timedelta(days=offset)
        plan = dated_hours.plan_of(day, plans)
        if plan is None:
            continue
        spans = plan.spans_on(day)
        if spans == hours.open_spans(day, ()):
            continue
        last = runs[-1] if runs else None
        if last and last[1] == day - timedelta(days=1) and last[2:] == (plan, spans):
            runs[-1] = (last[0], day, plan, spans)
        else:
            runs.append((day, day, plan, spans))
    return runs


def edition():
    """What a cached page's hours depend on: today's date, the weekly hours and the dated hours
    as read."""
    return hours.clinic_today(), hours.weekly_spans(), dated_hours.plans()


def _day(day):
    # The same day format as the booking pages ("Tue 1 Dec").
    return dateformat.format(day, _("D j M"))


def notice(first, last, plan, spans):
    """One line of the footer's notice, the plan's name in its own direction."""
    name = format_html("<bdi>{}</bdi>", plan.name)
    # Translators: the footer's notice of a day with other hours than the weekly ones. {day},
    # {first} and {last} are dates ("Wed 9 Dec"), {name} what the clinic called the dates
    # ("National Day", as typed in the admin), {hours} e.g. "10am to 4pm".
    if not spans:
        if first == last:
            text = _("Closed {day}: {name}")
        else:
            text = _("Closed from {first} to {last}: {name}")
    elif first == last:
        text = _("{day}: {hours} ({name})")
    else:
        text = _("From {first} to {last}: {hours} ({name})")
    return format_html(
        text,
        day=_day(first),
        first=_day(first),
        last=_day(last),
        hours=hours.spans_text(spans),
        name=name,
    )


def this_weeks_notices():
    """The footer's lines for the next NOTICE_DAYS days whose hours differ, in order."""
    return [
        notice(*run) for run in changed_runs(hours.clinic_today(), NOTICE_DAYS, dated_hours.plans())
    ]


def special_opening_hours():
    """schema.org's specialOpeningHoursSpecification for the next SPECIAL_DAYS days: a closed day
    opens and closes at 00:00, as search engines read it."""
    specifications = []
    for first, last, _plan, spans in changed_runs(
        hours.clinic_today(), SPECIAL_DAYS, dated_hours.plans()
    ):
        for opens, closes in spans or [(None, None)]:
            specifications.append(
                {
                    "@type": "OpeningHoursSpecification",
                    "validFrom": first.isoformat(),
                    "validThrough": last.isoformat(),
                    "opens": f"{opens:%H:%M}" if opens else "00:00",
                    "closes": f"{closes:%H:%M}" if closes else "00:00",
                }
            )
    return specifications
