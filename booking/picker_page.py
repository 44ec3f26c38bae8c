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

from booking import dates, slots
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


def days_to_show(now, first_day=None, leave_out=None, *, fresh=True):
    """[(date label, [(value, clock)])] for the next DAYS_SHOWN days with free times from
    `first_day`, and the day to go on from (None when there is nothing later)."""
    current = slots.rules()
    _earliest, first, last = slots.window(now, current)
    day = max(first, first_day) if first_day else first
    shown = []
    # The bookings of DAYS_SHOWN days at a time: one small query in the usual case.
    while day <= last and len(shown) < DAYS_SHOWN:
        until = min(day + timedelta(days=DAYS_SHOWN - 1), last)
        free = slots.free_starts(
            now, current, first_day=day, last_day=until, leave_out=leave_out, fresh=fresh
        )
        shown += slots.by_day(free)[: DAYS_SHOWN - len(shown)]
        day = until + timedelta(days=1)
    later = shown[-1][0] + timedelta(days=1) if len(shown) == DAYS_SHOWN else None
    return shown, later if later and later <= last else None


def day_fieldsets(days, chosen=""):
    """The radio buttons, a fieldset per day: written here rather than by a template loop (a
    hundred radio buttons through the template engine cost more than the rest of the page)."""
    parts = []
    for day, starts in days:
        options = []
        for start in starts:
            value = f"{start:%Y-%m-%dT%H:%M}"
            checked = " checked" if value == chosen else ""
            options.append(
                f'<label class="time-option"><input type="radio" name="time" value="{value}"'
                f'{checked}> <span dir="ltr">{start:%H:%M}</span></label>'
            )
        parts.append(
            f'<fieldset class="time-day"><legend>{escape(dates.visit_day(day))}</legend>'
            f'<div class="time-options">{"".join(options)}</div></fieldset>\n'
        )
    return mark_safe("".join(parts))  # noqa: S308 (dates and times we made, the day escaped)


def _days_html(now, first_day, leave_out, fresh, chosen):
    """The fieldsets and the day to go on from; kept with the taken times when not `fresh`."""
    minute = now.astimezone(CLINIC_TIMEZONE).replace(second=0, microsecond=0)
    key = ("days", get_language(), minute, first_day, leave_out)
    if not fresh and not chosen and (kept := slots.recall(key)) is not None:
        return kept
    days, later = days_to_show(now, first_day, leave_out, fresh=fresh)
    made = day_fieldsets(days, chosen), later
    slots.keep(key, made)
    return made


def times_form(
    request,
    *,
    reference="",
    visit="",
    now,
    first_day=None,
    problem="",
    leave_out=None,
    chosen="",
    fresh=True,
):
    """The form's HTML: the hidden reference, any problem, the times grouped by day. Written
    here, not by a template: the picker is shown far more often than anything it holds changes.
    """
    days, later = _days_html(now, first_day, leave_out, fresh, chosen)
    link = {"r": reference} if reference else {"v": visit}
    name, value = next(iter(link.items()))
    parts = [
        '<form method="post" class="time-picker" novalidate>',
        f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(get_token(request))}">',
        f'<input type="hidden" name="{name}" value="{escape(value)}">',
    ]
    if problem:
        parts.append(
            '<div class="form-summary" role="alert" id="time-problem">'
            f"<p>{escape(problem)}</p></div>"
        )
    # Each text through gettext on its own line (makemessages can't read into an f-string).
    choose = _("Change to this time") if visit else _("Choose this time")
    none_free = _(
        "There is no free time in the next days. We will call or WhatsApp you to find one."
    )
    later_times = _("Later times")
    call_me = _("None of these suit me: please call me")
    if days:
        parts += [days, f'<p><button type="submit" class="button">{escape(choose)}</button></p>']
    else:
        parts.append(f"<p>{escape(none_free)}</p>")
    if later:
        url = "?" + urlencode({**link, "from": f"{later:%Y-%m-%d}"})
        parts.append(f'<p><a href="{escape(url)}">{escape(later_times)}</a></p>')
    if not visit:
        parts.append(
            '<p><button type="submit" name="call_me" value="1" class="button button--secondary">'
            f"{escape(call_me)}</button></p>"
        )
    parts.append("</form>")
    return mark_safe("\n".join(parts))  # noqa: S308 (every value above escaped)
