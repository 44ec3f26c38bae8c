"""Two of the front desk's pages: every held time still to confirm, soonest first, with how long
it has waited; and the WhatsApp message that tells the patient what the desk just did (confirmed,
moved or declined), with the decline's undo."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.timesince import timesince
from django.utils.translation import gettext as _

from booking import links
from booking.admin_views import _context, _require, _rows
from booking.desk_actions import decline_to_undo
from booking.lapsing import lapse_overdue
from booking.models import Booking
from booking.patient_news import NEWS, news_text, news_url
from booking.views import parse_time
from ground import dates, hours
from ground.hours import clinic_today
from ground.isolates import isolated

Status = Booking.Status


def to_confirm_view(request):
    _require(request, "view")
    lapse_overdue()
    held = (
        Booking.objects.active()
        .filter(status=Status.HELD)
        .select_related("request", "reminder_sent_by")
        .order_by("starts_at", "seat")
    )
    now = hours.now()
    rows = _rows(request, held)
    for row in rows:
        # Several days in one list: each row says its day, and how long the patient has waited.
        row["clock"] = row["when"]
        row["waited"] = timesince(row["booking"].created_at, now, depth=1)
    context = _context(
        request, _("Times to confirm"), rows=rows, day=clinic_today(), to_confirm=True
    )
    return TemplateResponse(request, "admin/booking/to_confirm.html", context)


def tell_view(request, pk, news):
    """The prefilled WhatsApp message for what the desk just did, in the patient's language."""
    _require(request, "change")
    if news not in NEWS:
        raise Http404
    booking = get_object_or_404(Booking.objects.select_related("request"), pk=pk)
    fits = {
        "confirmed": booking.status == Status.CONFIRMED,
        "moved": booking.is_active,
        "declined": booking.status == Status.DECLINED,
    }
    if not fits[news]:
        messages.error(request, _("That time changed meanwhile: nothing was done."))
        return redirect("admin:booking_day")
    before = parse_time(request.GET.get("from")) if news == "moved" else None
    if news == "moved" and before is None:
        raise Http404
    text = news_text(booking, news, links.visit_url(request, booking), before)
    context = _context(
        request,
        _("WhatsApp message for %(name)s") % {"name": isolated(booking.request.name)},
        booking=booking,
        when=dates.visit_time(booking.starts_at),
        news=news,
        text=text,
        whatsapp_url=news_url(text, booking),
        can_undo=news == "declined" and decline_to_undo(booking) is not None,
        day=booking.starts_at.astimezone(hours.CLINIC_TIMEZONE).date(),
    )
    return TemplateResponse(request, "admin/booking/tell.html", context)
