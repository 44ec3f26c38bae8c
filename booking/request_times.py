"""The chosen consultation time on the request's admin (frontdesk/request_admin.py names each):
the requests with their active time (`with_consultation_time`), its column on the list and line
on the request with a link to its day, and the bulk action "Decline and stop this request's
links".
"""

from django.contrib import admin, messages
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from audit.trail import Action, record
from booking import history, taking
from booking.models import Booking
from booking.slots import forget_taken
from consultations.models import ConsultationRequest
from ground import dates, hours
from ground.hours import CLINIC_TIMEZONE


def _active(field):
    return Subquery(Booking.objects.active().filter(request=OuterRef("pk")).values(field)[:1])


def with_consultation_time(queryset):
    """The requests, each with its active time's start and status (None without one)."""
    return queryset.annotate(time_starts_at=_active("starts_at"), time_status=_active("status"))


@admin.display(description=_("consultation time"), ordering="time_starts_at")
def consultation_time(obj):
    starts_at = getattr(obj, "time_starts_at", None)
    if starts_at is None:
        return "–"
    day = starts_at.astimezone(CLINIC_TIMEZONE).date()
    label = Booking.Status(obj.time_status).label
    return format_html(
        '<a href="{}?date={}">{}</a> ({})',
        reverse("admin:booking_day"),
        f"{day:%Y-%m-%d}",
        dates.visit_time(starts_at),
        label,
    )


def _describe(booking):
    return f"{dates.visit_time(booking.starts_at, 'en')} ({booking.status})"


@admin.action(permissions=["change"], description=_("Decline and stop this request’s links"))
def decline_and_stop_links(modeladmin, request, queryset):
    """For a request that is abusing its links (a bot, a number holding times): its active time
    is declined, and its picker reference and visit links stop working (views.py)."""
    stopped = 0
    for consultation in queryset.filter(links_stopped_at__isnull=True).order_by("pk"):
        with transaction.atomic():
            for booking in Booking.objects.active().filter(request=consultation):
                before = _describe(booking)
                try:
                    taking.free(booking, Booking.Status.DECLINED)
                except taking.NotHeld:
                    continue
                booking.request = consultation
                history.declined(booking, request.user)
                record(
                    request,
                    Action.CHANGED,
                    consultation,
                    booking=booking.pk,
                    booking_action="decline",
                    changes={"consultation_time": {"old": before, "new": _describe(booking)}},
                )
            now = hours.now()
            ConsultationRequest.objects.filter(pk=consultation.pk).update(links_stopped_at=now)
            history.links_stopped(consultation, request.user)
            record(
                request,
                Action.CHANGED,
                consultation,
                changes={"links_stopped_at": {"old": None, "new": now.isoformat()}},
            )
        stopped += 1
    forget_taken()  # this process's picker reads the stopped links again at once
    modeladmin.message_user(
        request,
        ngettext(
            "%(count)d request: its time declined and its links stopped.",
            "%(count)d requests: their times declined and their links stopped.",
            stopped,
        )
        % {"count": stopped},
        messages.SUCCESS,
    )
