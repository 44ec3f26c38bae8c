"""The picker on a kept page (ground/kept.py): the page around it is rendered once per process;
the form with this patient's reference and the free times is made for each response and put in
its slot. Showing it costs one query (the bookings of the days shown) and a render of the times.
"""

from datetime import timedelta
from urllib.parse import urlencode

from django.middleware.csrf import get_token
from django.template.loader import get_template
from django.urls import reverse
from django.utils.translation import gettext as _

from booking import dates, slots
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
    }


def register_slots():
    register_slot(TIMES_SLOT, lambda request: "")


def days_to_show(now, first_day=None, leave_out=None):
    """[(date label, [(value, clock)])] for the next DAYS_SHOWN days with free times from
    `first_day`, and the day to go on from (None when there is nothing later)."""
    current = slots.rules()
    _earliest, first, last = slots.window(now, current)
    start_day = max(first, first_day) if first_day else first
    shown, day = [], start_day
    # Read the bookings a week at a time: one query in the usual case.
    while day <= last and len(shown) < DAYS_SHOWN:
        until = min(day + timedelta(days=6), last)
        free = slots.free_starts(now, current, first_day=day, last_day=until, leave_out=leave_out)
        for free_day, starts in slots.by_day(free):
            if len(shown) < DAYS_SHOWN:
                shown.append((free_day, starts))
        day = until + timedelta(days=1)
    later = shown[-1][0] + timedelta(days=1) if len(shown) == DAYS_SHOWN else None
    if later and later > last:
        later = None
    return [
        (
            dates.visit_day(free_day),
            [(f"{start:%Y-%m-%dT%H:%M}", dates.clock(start)) for start in starts],
        )
        for free_day, starts in shown
    ], later


def times_form(
    request, *, reference="", visit="", now, first_day=None, problem="", leave_out=None, chosen=""
):
    """The form's HTML: the hidden reference, any problem, the times grouped by day."""
    days, later = days_to_show(now, first_day, leave_out)
    link = {"r": reference} if reference else {"v": visit}
    context = {
        "csrf_token": get_token(request),
        "reference": reference,
        "visit": visit,
        "days": days,
        "problem": problem,
        "chosen": chosen,
        "later_url": f"?{urlencode({**link, 'from': f'{later:%Y-%m-%d}'})}" if later else "",
        "changing": bool(visit),
    }
    return get_template("booking/includes/times.html").render(context)
