"""The picker in the page cache (ground/page_cache.py): the page around it is rendered once
per process; the form with this patient's reference and the free times is made for each
response and put in its slot. Showing it costs one query (the bookings of the days shown)
and a render of the times.
"""

from datetime import timedelta
from urllib.parse import urlencode

from django.middleware.csrf import get_token
from django.template.loader import get_template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from booking import slots
from ground import dates
from ground.hours import CLINIC_TIMEZONE

# Three days of times fit a phone's screen a few times over; "Later times" shows the next three.
DAYS_SHOWN = 3


def choose_a_time_step(request, reference):
    """The thanks page's next step (consultations/next_steps.py)."""
    return {
        "url": f"{reverse('booking:pick')}?{urlencode({'r': reference})}",
        "text": _("Choose a time for your free consultation"),
        "note": _("Optional: if no time suits you, we will call or WhatsApp you as we said."),
        # The same offer as a line of the front desk's WhatsApp greeting (a button's label
        # would read as a command after the greeting's question).
        "chat": _("You can also choose your consultation time yourself here: %(url)s"),
    }


def _closed_name(day, plans):
    """The dated hours that close this date ("National Day"), "" for a weekly closed day."""
    for plan in plans:
        if plan.starts_on <= day <= plan.ends_on:
            return plan.name
    return ""


def _earlier(now, current, start):
    """The first day of the DAYS_SHOWN open days before `start`, or None when none is left."""
    _earliest, first, _last = slots.window(now, current)
    day, found = start - timedelta(days=1), []
    while day >= first and len(found) < DAYS_SHOWN:
        if slots.offered_starts(now, current, day, day):
            found.append(day)
        day -= timedelta(days=1)
    return found[-1] if found else None


def days_to_show(now, first_day=None, leave_out=None, *, fresh=True, theirs=None):
    """[(date, [starts] or the name of what closes it)] for the next DAYS_SHOWN days with free
    times from `first_day` and the closed days among them, the day to go back to and the day
    to go on from (None when there is nothing earlier or later). A change picker leaves out
    `theirs`, the time the patient has now."""
    current = slots.rules()
    _earliest, first, last = slots.window(now, current)
    start = day = max(first, first_day) if first_day else first
    shown = []
    # The bookings of DAYS_SHOWN days at a time: one small query in the usual case.
    while day <= last and len(shown) < DAYS_SHOWN:
        until = min(day + timedelta(days=DAYS_SHOWN - 1), last)
        free = slots.free_starts(
            now, current, first_day=day, last_day=until, leave_out=leave_out, fresh=fresh
        )
        free = [start for start in free if start != theirs]
        shown += slots.by_day(free)[: DAYS_SHOWN - len(shown)]
        day = until + timedelta(days=1)
    later = shown[-1][0] + timedelta(days=1) if len(shown) == DAYS_SHOWN else None
    if shown:  # a closed day between those shown is named, not silently left out
        day = start
        while day < shown[-1][0]:
            if not slots.open_spans(day, current.plans):
                shown.append((day, _closed_name(day, current.plans)))
            day += timedelta(days=1)
        shown.sort(key=lambda entry: entry[0])
    earlier = _earlier(now, current, start) if start > first else None
    return shown, earlier, later if later and later <= last else None


# The day's times in three groups, by the hour each begins at (a phone shows a group at a time).
PARTS = ((12, "morning"), (17, "afternoon"), (24, "evening"))
TIMES_TEMPLATE = "booking/includes/times.html"
FORM_TEMPLATE = "booking/includes/time_form.html"


def _groups(day, starts):
    """The day's times by part of the day, the empty parts left out."""
    times = {part: [] for _until, part in PARTS}
    for start in starts:
        part = next(part for until, part in PARTS if start.hour < until)
        times[part].append((f"{start:%Y-%m-%dT%H:%M}", f"{start:%H:%M}"))
    return [
        {"id": f"t{day:%Y%m%d}-{part}", "part": part, "times": times[part]}
        for _until, part in PARTS
        if times[part]
    ]


def day_times(days, *, visit=False):
    """The times of `days` (templates/booking/includes/times.html): a fieldset per day, each time
    its own submit button (one tap chooses, no JavaScript), a line for each closed day."""
    shown = [
        {"label": dates.visit_day(day), "closed": starts}
        if isinstance(starts, str)
        else {"label": dates.visit_day(day), "groups": _groups(day, starts)}
        for day, starts in days
    ]
    any_free = any("groups" in day for day in shown)
    context = {"days": shown, "any_free": any_free, "visit": visit}
    return get_template(TIMES_TEMPLATE).render(context)


def _times(now, first_day, leave_out, fresh, current, visit):
    """The times and the days to go back and on to; kept with the taken times when not
    `fresh`: a hundred buttons through the template engine cost more than the rest of the
    page, and they change far less often than the picker is shown."""
    minute = now.astimezone(CLINIC_TIMEZONE).replace(second=0, microsecond=0)
    key = ("days", get_language(), minute, first_day, leave_out, current, bool(visit))
    if not fresh and (kept := slots.recall(key)) is not None:
        return kept
    days, earlier, later = days_to_show(now, first_day, leave_out, fresh=fresh, theirs=current)
    made = day_times(days, visit=bool(visit)), earlier, later
    slots.keep(key, made)
    return made


def _page_url(link, day):
    """The picker from `day` on, for "Earlier times" and "Later times"."""
    return "?" + urlencode({**link, "from": f"{day:%Y-%m-%d}"}) if day else ""


def times_form(
    request,
    *,
    reference="",
    visit="",
    now,
    first_day=None,
    problem="",
    leave_out=None,
    current=None,
    fresh=True,
):
    """The form (templates/booking/includes/time_form.html): the hidden reference, any problem,
    the times grouped by day. `current` is the time a change picker's booking has now."""
    times, earlier, later = _times(now, first_day, leave_out, fresh, current, visit)
    link = {"r": reference} if reference else {"v": visit}
    name, value = next(iter(link.items()))
    shows_current = bool(visit and current)
    context = {
        "csrf_token": get_token(request),
        "link_name": name,
        "link_value": value,
        # A taken time answers with the same days (views.PickView.again).
        "first_day": f"{first_day:%Y-%m-%d}" if first_day else "",
        "problem": problem,
        "visit": visit,
        "current": format_html("<strong>{}</strong>", dates.visit_time(current))
        if shows_current
        else "",
        "keep_url": reverse("booking:visit", args=[visit]) if shows_current else "",
        "times": times,
        "earlier_url": _page_url(link, earlier),
        "later_url": _page_url(link, later),
    }
    return get_template(FORM_TEMPLATE).render(context)
