"""The picker on a kept page (ground/kept.py): the page around it is rendered once per process;
the form with this patient's reference and the free times is made for each response and put in
its slot. Showing it costs one query (the bookings of the days shown) and a render of the times.
"""

from datetime import timedelta
from urllib.parse import urlencode

from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from booking import slots
from ground import dates
from ground.hours import CLINIC_TIMEZONE
from ground.kept import register_slot

TIMES_SLOT = "prerendered-slot-booking-times"
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


def register_slots():
    register_slot(TIMES_SLOT, lambda request: "")


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


def _part_names():
    return {"morning": _("Morning"), "afternoon": _("Afternoon"), "evening": _("Evening")}


def _groups(day, starts, names):
    parts = []
    for part in (name for _hour, name in PARTS):
        buttons = [
            f'<button type="submit" name="time" value="{start:%Y-%m-%dT%H:%M}" '
            f'class="time-button"><span dir="ltr">{start:%H:%M}</span></button>'
            for start in starts
            if next(name for until, name in PARTS if start.hour < until) == part
        ]
        if buttons:
            label = f"t{day:%Y%m%d}-{part}"
            parts.append(
                f'<div class="time-group" role="group" aria-labelledby="{label}">'
                f'<p class="time-group-name" id="{label}">{escape(names[part])}</p>'
                f'<div class="time-options">{"".join(buttons)}</div></div>'
            )
    return "".join(parts)


def day_fieldsets(days):
    """A fieldset per day, each time its own submit button (one tap chooses, no JavaScript),
    and a line for each closed day: written here rather than by a template loop (a hundred
    buttons through the template engine cost more than the rest of the page)."""
    names = _part_names()
    parts = []
    for day, starts in days:
        label = escape(dates.visit_day(day))
        if isinstance(starts, str):
            closed = _("Closed: %(day)s, %(name)s") if starts else _("Closed: %(day)s")
            text = closed % {"day": label, "name": escape(starts)}
            parts.append(f'<p class="time-closed">{text}</p>\n')
            continue
        parts.append(
            f'<fieldset class="time-day"><legend>{label}</legend>'
            f"{_groups(day, starts, names)}</fieldset>\n"
        )
    return mark_safe("".join(parts))  # noqa: S308 (dates and times we made, names escaped)


def _days_html(now, first_day, leave_out, fresh, current):
    """The fieldsets and the days to go back and on to; kept with the taken times when not
    `fresh`."""
    minute = now.astimezone(CLINIC_TIMEZONE).replace(second=0, microsecond=0)
    key = ("days", get_language(), minute, first_day, leave_out, current)
    if not fresh and (kept := slots.recall(key)) is not None:
        return kept
    days, earlier, later = days_to_show(now, first_day, leave_out, fresh=fresh, theirs=current)
    made = day_fieldsets(days), earlier, later, any(not isinstance(s, str) for _d, s in days)
    slots.keep(key, made)
    return made


def _pages(link, earlier, later):
    """ "Earlier times" beside "Later times"."""
    links = []
    for day, css, text in ((earlier, "earlier-times", _("Earlier times")),
                           (later, "later-times", _("Later times"))):  # fmt: skip
        if day:
            url = "?" + urlencode({**link, "from": f"{day:%Y-%m-%d}"})
            links.append(f'<a class="{css}" href="{escape(url)}">{escape(text)}</a>')
    return f'<p class="time-pages">{" ".join(links)}</p>' if links else ""


def _current(visit, current):
    """The change picker: the time the patient has now, and the way back keeping it."""
    now_text = _("Your time now: %(time)s") % {
        "time": f"<strong>{escape(dates.visit_time(current))}</strong>"
    }
    keep = _("Keep my time")
    url = reverse("booking:visit", args=[visit])
    return (
        f'<p class="time-current">{now_text}</p>'
        f'<p><a class="keep-time button button--secondary" href="{escape(url)}">'
        f"{escape(keep)}</a></p>"
    )


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
    """The form's HTML: the hidden reference, any problem, the times grouped by day. Written
    here, not by a template: the picker is shown far more often than anything it holds changes.
    `current` is the time a change picker's booking has now."""
    days, earlier, later, any_free = _days_html(now, first_day, leave_out, fresh, current)
    link = {"r": reference} if reference else {"v": visit}
    name, value = next(iter(link.items()))
    parts = [
        '<form method="post" class="time-picker" novalidate>',
        f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(get_token(request))}">',
        f'<input type="hidden" name="{name}" value="{escape(value)}">',
    ]
    if first_day:  # a taken time answers with the same days (views.PickView.again)
        parts.append(f'<input type="hidden" name="from" value="{first_day:%Y-%m-%d}">')
    if problem:
        parts.append(
            '<div class="form-summary" role="alert" id="time-problem">'
            f"<p>{escape(problem)}</p></div>"
        )
    if visit and current:
        parts.append(_current(visit, current))
    # Each text through gettext on its own line (makemessages can't read into an f-string).
    tap = _("Tap a time to change to it.") if visit else _("Tap a time to choose it.")
    none_free = _(
        "There is no free time in the next days. We will call or WhatsApp you to find one."
    )
    call_me = _("None of these suit me: please call me")
    if any_free:
        parts += [f'<p class="time-hint">{escape(tap)}</p>', days]
    else:
        parts.append(f"<p>{escape(none_free)}</p>")
    parts.append(_pages(link, earlier, later))
    if not visit:
        parts.append(
            '<p><button type="submit" name="call_me" value="1" class="button button--secondary">'
            f"{escape(call_me)}</button></p>"
        )
    parts.append("</form>")
    return mark_safe("\n".join(parts))  # noqa: S308 (every value above escaped)
