"""The front desk's consultation times: the day and the week (server-rendered, on a phone too),
move (joining the contact history and the access trail), and the day-before WhatsApp reminder.
The buttons on a time are desk_actions.py's."""

from datetime import date, datetime, timedelta

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from audit.trail import Action, record
from booking import day_hours, desk_text, history, links, slots, taking
from booking.lapsing import lapse_overdue
from booking.models import Booking
from booking.reminders import reminder_text, reminder_url
from booking.views import parse_time
from ground import dates, hours
from ground.hours import CLINIC_TIMEZONE, clinic_today
from ground.isolates import isolated
from ground.redirects import local_target

Status = Booking.Status
# The day and week views open dates this many years either side of today: further out, a week's
# neighbours fall off the calendar (9999-12-31's next day does not exist) and nothing is booked.
YEARS_SHOWN = 10
# Attended or No-show: the request's status says the visit's outcome (consultations/lifecycle.py).
OUTCOMES = ("attended", "no_show")


def _require(request, permission):
    if not request.user.has_perm(f"booking.{permission}_booking"):
        raise PermissionDenied


def _day(request):
    today = clinic_today()
    try:
        day = date.fromisoformat(request.GET.get("date", ""))
    except ValueError:
        return today
    if abs(day - today) > timedelta(days=366 * YEARS_SHOWN):
        raise Http404
    return day


def _midnight(day):
    return datetime.combine(day, datetime.min.time(), tzinfo=CLINIC_TIMEZONE)


def visits(first_day, days=1):
    """Held and confirmed consultations from first_day for `days` days, with their requests; a
    hold that is overdue lapses first (lapsing.py), so the desk never confirms one."""
    lapse_overdue()
    return (
        Booking.objects.active()
        .filter(starts_at__gte=_midnight(first_day),
                starts_at__lt=_midnight(first_day + timedelta(days=days)))
        .select_related("request", "reminder_sent_by")
        .order_by("starts_at", "seat")
    )  # fmt: skip


def _rows(request, bookings):
    now = hours.now()
    tomorrow = clinic_today() + timedelta(days=1)
    bookings = list(bookings)
    current = slots.rules()
    others = day_hours.other_times(bookings)
    rows = []
    for booking in bookings:
        outcome = booking.request.status if booking.request.status in OUTCOMES else None
        rows.append({
            "booking": booking,
            "clock": dates.clock(booking.starts_at),
            "when": dates.visit_time(booking.starts_at),
            "outcome": outcome and booking.request.get_status_display(),
            "outcome_code": outcome,
            "can_attend": booking.status == Status.CONFIRMED and booking.starts_at <= now,
            "remind": booking.starts_at.astimezone(CLINIC_TIMEZONE).date() == tomorrow,
            "outside": day_hours.is_outside(booking, current),
            "others": [(day_hours.day_link(at), dates.visit_time(at))
                       for at in others.get(booking.pk, ())],
        })  # fmt: skip
    return rows


def _context(request, title, **extra):
    return {
        **admin.site.each_context(request),
        "title": title,
        "can_act": request.user.has_perm("booking.change_booking"),
        "next": request.get_full_path(),
        **extra,
    }


def day_view(request):
    _require(request, "view")
    day = _day(request)
    context = _context(
        request,
        _("Consultations on %(day)s") % {"day": dates.visit_day(day)},
        rows=_rows(request, visits(day)),
        closed=day_hours.closed_label(day),
        day=day,
        previous_day=day - timedelta(days=1),
        next_day=day + timedelta(days=1),
        week_of=day,
    )
    return TemplateResponse(request, "admin/booking/day.html", context)


def week_view(request):
    _require(request, "view")
    day = _day(request)
    monday = day - timedelta(days=day.weekday())
    bookings = list(visits(monday, 7))
    week = []
    for offset in range(7):
        current = monday + timedelta(days=offset)
        week.append(
            {
                "day": current,
                "label": dates.visit_day(current),
                "closed": day_hours.closed_label(current),
                "rows": _rows(request, [
                    b for b in bookings
                    if b.starts_at.astimezone(CLINIC_TIMEZONE).date() == current
                ]),
            }
        )  # fmt: skip
    context = _context(
        request,
        _("Consultations in the week of %(day)s") % {"day": dates.visit_day(monday)},
        week=week,
        previous_week=monday - timedelta(days=7),
        next_week=monday + timedelta(days=7),
        day=monday,
    )
    return TemplateResponse(request, "admin/booking/week.html", context)


def reminders_view(request):
    """Tomorrow's visits whose reminder is not sent yet."""
    _require(request, "view")
    tomorrow = clinic_today() + timedelta(days=1)
    unsent = visits(tomorrow).filter(reminder_sent_at__isnull=True)
    context = _context(
        request,
        _("Tomorrow’s visits without a reminder"),
        rows=_rows(request, unsent),
        day=tomorrow,
        previous_day=None,
        next_day=None,
        week_of=tomorrow,
        reminders_only=True,
    )
    return TemplateResponse(request, "admin/booking/day.html", context)


def _back(request, booking):
    target = local_target(request.POST.get("next", ""), request)
    day = booking.starts_at.astimezone(CLINIC_TIMEZONE).date()
    return redirect(target or f"{reverse('admin:booking_day')}?date={day:%Y-%m-%d}")


def _trail(request, booking, action, old, new):
    record(
        request,
        Action.CHANGED,
        booking.request,
        booking=booking.pk,
        booking_action=action,
        changes={"consultation_time": {"old": old, "new": new}},
    )


def _describe(booking):
    return f"{dates.visit_time(booking.starts_at, 'en')} ({booking.status})"


def _over(request, booking):
    """Only a future time moves: one begun or past would bring the patient's dead link back."""
    messages.error(request, _("This consultation’s time has begun or passed: it can’t be moved."))
    return _back(request, booking)


def move_view(request, pk):
    _require(request, "change")
    booking = get_object_or_404(Booking.objects.select_related("request"), pk=pk)
    if not booking.is_active:
        messages.error(request, _("That time changed meanwhile: nothing was done."))
        return redirect("admin:booking_day")
    if booking.starts_at <= hours.now():
        return _over(request, booking)
    if request.method == "POST":
        start = parse_time(request.POST.get("time"))
        if start is None or not slots.is_offered(start, hours.now()):
            messages.error(request, _("Choose one of the free times."))
        else:
            before, old = booking.starts_at, _describe(booking)
            try:
                with transaction.atomic():
                    moved = taking.move(booking, start, by_clinic=True)
                    history.moved(moved, before, request.user)
                    _trail(request, moved, "move", old, _describe(moved))
            except (taking.TimeTaken, taking.NotHeld):
                messages.error(request, _("That time was taken meanwhile: choose another."))
            except taking.TimeOver:
                return _over(request, booking)
            else:
                tell = reverse("admin:booking_tell", args=[moved.pk, "moved"])
                tell += f"?from={before.astimezone(CLINIC_TIMEZONE):%Y-%m-%dT%H:%M}"
                messages.success(request, desk_text.say(
                    _("Moved %(name)s to %(when)s."),
                    name=desk_text.name(booking), when=dates.visit_time(start),
                ) + desk_text.link(tell, _("Tell the patient on WhatsApp")))  # fmt: skip
                return _back(request, moved)
    free = [
        start
        for start in slots.free_starts(hours.now(), leave_out=booking.pk)
        if start != booking.starts_at  # its own time is no move
    ]
    days = [
        (day, dates.visit_day(day), [(f"{s:%Y-%m-%dT%H:%M}", dates.clock(s)) for s in starts])
        for day, starts in slots.by_day(free)
    ]
    context = _context(
        request,
        _("Move %(name)s’s consultation") % {"name": isolated(booking.request.name)},
        booking=booking,
        when=dates.visit_time(booking.starts_at),
        days=days,
    )
    return TemplateResponse(request, "admin/booking/move.html", context)


@require_POST
def remind_view(request, pk):
    """Records "reminder sent", then shows the WhatsApp link prefilled for the patient."""
    _require(request, "change")
    booking = get_object_or_404(Booking.objects.select_related("request"), pk=pk)
    if not booking.is_active:
        messages.error(request, _("That time changed meanwhile: nothing was done."))
        return redirect("admin:booking_day")
    change_url = links.visit_url(request, booking)
    Booking.objects.filter(pk=booking.pk).update(
        reminder_sent_at=hours.now(), reminder_sent_by=request.user
    )
    record(request, Action.CHANGED, booking.request, booking=booking.pk, booking_action="reminder")
    context = _context(
        request,
        _("WhatsApp reminder for %(name)s") % {"name": isolated(booking.request.name)},
        booking=booking,
        when=dates.visit_time(booking.starts_at),
        whatsapp_url=reminder_url(booking, change_url),
        text=reminder_text(booking, change_url),
    )
    return TemplateResponse(request, "admin/booking/remind.html", context)
