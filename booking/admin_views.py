"""The front desk's consultation times: the day and the week (server-rendered, on a phone too),
confirm, decline, move, attended and no-show (each joining the contact history and the access
trail), and the day-before WhatsApp reminder."""

from datetime import date, datetime, timedelta

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from audit.trail import Action, record
from booking import dates, history, links, slots, taking
from booking.models import Booking
from booking.reminders import reminder_text, reminder_url
from frontdesk import history as contact_history
from frontdesk.models import ContactEntry
from ground import hours
from ground.hours import CLINIC_TIMEZONE, clinic_today
from ground.redirects import local_target

Status = Booking.Status


def _require(request, permission):
    if not request.user.has_perm(f"booking.{permission}_booking"):
        raise PermissionDenied


def _day(request):
    try:
        return date.fromisoformat(request.GET.get("date", ""))
    except ValueError:
        return clinic_today()


def _midnight(day):
    return datetime.combine(day, datetime.min.time(), tzinfo=CLINIC_TIMEZONE)


def visits(first_day, days=1):
    """Held and confirmed consultations from first_day for `days` days, with their requests."""
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
    return [
        {
            "booking": booking,
            "clock": dates.clock(booking.starts_at),
            "when": dates.visit_time(booking.starts_at),
            "can_attend": booking.status == Status.CONFIRMED and booking.starts_at <= now,
            "remind": booking.starts_at.astimezone(CLINIC_TIMEZONE).date() == tomorrow,
        }
        for booking in bookings
    ]


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


@require_POST
def act_view(request, pk):
    _require(request, "change")
    booking = get_object_or_404(Booking.objects.select_related("request"), pk=pk)
    action = request.POST.get("action")
    before = _describe(booking)
    with transaction.atomic():
        try:
            if action == "confirm":
                taking.confirm(booking)
                history.confirmed(booking, request.user)
                done = _("Confirmed %(when)s for %(name)s.")
            elif action == "decline":
                taking.free(booking, Status.DECLINED)
                history.declined(booking, request.user)
                done = _("Declined %(when)s for %(name)s: the time is free again.")
            elif action in ("attended", "no_show") and booking.status == Status.CONFIRMED:
                contact_history.log_contact(
                    booking.request, request.user, ContactEntry.Outcome(action)
                )
                done = _("Recorded for %(name)s.")
            else:
                raise taking.NotHeld
        except taking.NotHeld:
            messages.error(request, _("That time changed meanwhile: nothing was done."))
            return _back(request, booking)
        _trail(request, booking, action, before, _describe(booking))
    messages.success(
        request, done % {"when": dates.visit_time(booking.starts_at), "name": booking.request.name}
    )
    return _back(request, booking)


def move_view(request, pk):
    _require(request, "change")
    booking = get_object_or_404(Booking.objects.select_related("request"), pk=pk)
    if not booking.is_active:
        messages.error(request, _("That time changed meanwhile: nothing was done."))
        return redirect("admin:booking_day")
    if request.method == "POST":
        start = _parse(request.POST.get("time"))
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
            else:
                messages.success(
                    request,
                    _("Moved %(name)s to %(when)s.")
                    % {"name": booking.request.name, "when": dates.visit_time(start)},
                )
                return _back(request, moved)
    free = slots.free_starts(hours.now(), leave_out=booking.pk)
    days = [
        (dates.visit_day(day), [(f"{s:%Y-%m-%dT%H:%M}", dates.clock(s)) for s in starts])
        for day, starts in slots.by_day(free)
    ]
    context = _context(
        request,
        _("Move %(name)s’s consultation") % {"name": booking.request.name},
        booking=booking,
        when=dates.visit_time(booking.starts_at),
        days=days,
    )
    return TemplateResponse(request, "admin/booking/move.html", context)


def _parse(value):
    try:
        return datetime.strptime(value or "", "%Y-%m-%dT%H:%M").replace(tzinfo=CLINIC_TIMEZONE)
    except ValueError:
        return None


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
        _("WhatsApp reminder for %(name)s") % {"name": booking.request.name},
        booking=booking,
        when=dates.visit_time(booking.starts_at),
        whatsapp_url=reminder_url(booking, change_url),
        text=reminder_text(booking, change_url),
    )
    return TemplateResponse(request, "admin/booking/remind.html", context)
