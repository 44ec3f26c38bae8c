"""The patient's visit page behind the signed link: the time, its zone and length, what to
expect, where; change it (the main action), cancel it (after a confirm page), send it to their
own WhatsApp chat with the clinic, and the calendar file, which updates or removes the
consultation after a change or a cancel."""

import re
from urllib.parse import quote, urlencode

from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.decorators.cache import never_cache

from booking import history, taking
from booking.ics import visit_calendar
from booking.models import Booking
from booking.views import link_not_valid, request_language, visit_or_none
from ground import dates
from ground.clinic import clinic_details


def _minutes(booking):
    return int((booking.ends_at - booking.starts_at).total_seconds() // 60)


def length_text(booking):
    """ "Dubai time (GMT+4) · 30 minutes", the length this booking was made with."""
    minutes = _minutes(booking)
    return ngettext(
        "Dubai time (GMT+4) · %(minutes)s minute",
        "Dubai time (GMT+4) · %(minutes)s minutes",
        minutes,
    ) % {"minutes": minutes}


def whatsapp_url(request, booking, token):
    """A chat with the clinic's WhatsApp, prefilled with the time and this page's link: sent,
    the booking sits in the patient's own chat. "" when the clinic has no WhatsApp number."""
    digits = re.sub(r"\D", "", clinic_details()["whatsapp"])
    if not digits:
        return ""
    message = _(
        "My free consultation at Ecla Clinic: %(time)s, Dubai time. My link to change or "
        "cancel it: %(url)s"
    ) % {
        "time": dates.visit_time(booking.starts_at),
        "url": request.build_absolute_uri(reverse("booking:visit", args=[token])),
    }
    return f"https://wa.me/{digits}?text={quote(message)}"


def context(request, booking, token):
    moved = None
    if booking.is_active and booking.moved_from:
        moved = {
            "before": dates.visit_time(booking.moved_from),
            "after": dates.visit_time(booking.starts_at),
        }
    return {
        "booking": booking,
        "when": dates.visit_time(booking.starts_at),
        "length": length_text(booking),
        "moved": moved,
        "token": token,
        "change_url": f"{reverse('booking:pick')}?{urlencode({'v': token})}",
        "whatsapp_url": whatsapp_url(request, booking, token) if booking.is_active else "",
    }


@method_decorator(never_cache, name="dispatch")
class VisitView(View):
    """The patient's consultation. Its address is the signed link."""

    def get(self, request, token):
        booking = visit_or_none(token)
        if booking is None:
            return link_not_valid(request)
        return render(request, "booking/visit.html", context(request, booking, token))

    def post(self, request, token):
        # A cancel sent from an older copy of the page asks first, as the page's link does.
        return redirect("booking:cancel", token)


@method_decorator(never_cache, name="dispatch")
class CancelView(View):
    """ "Cancel Tue 1 Dec, 10:30?": only "Yes, cancel it" cancels; "Keep my time" goes back."""

    def get(self, request, token):
        booking = visit_or_none(token)
        if booking is None:
            return link_not_valid(request)
        if not booking.is_active:
            return redirect("booking:visit", token)
        return render(request, "booking/cancel.html", context(request, booking, token))

    def post(self, request, token):
        booking = visit_or_none(token)
        if booking is None:
            return link_not_valid(request)
        if request.POST.get("confirm") != "yes":
            return redirect("booking:cancel", token)
        if booking.is_active:
            with transaction.atomic():
                try:
                    taking.free(booking, Booking.Status.CANCELLED)
                except taking.NotHeld:
                    pass
                else:
                    history.cancelled_by_patient(booking)
        return redirect("booking:visit", token)


@never_cache
def calendar_file(request, token):
    """The time with its reminders, or (cancelled or declined) the file that removes it."""
    booking = visit_or_none(token)
    if booking is None:
        return link_not_valid(request)
    visit_page = request.build_absolute_uri(reverse("booking:visit", args=[token]))
    response = HttpResponse(
        visit_calendar(booking, visit_page, request_language(request)),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="ecla-clinic-consultation.ics"'
    return response
