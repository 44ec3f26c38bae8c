"""The chosen consultation time on the request's admin: a column of the list and a line on the
request, with a link to its day (added to consultations' admin: consultations/admin_extensions.py).
"""

from django.contrib import admin
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from booking import dates
from booking.models import Booking
from consultations.admin_extensions import extends_request_admin, with_fields
from ground.hours import CLINIC_TIMEZONE


def _active(field):
    return Subquery(Booking.objects.active().filter(request=OuterRef("pk")).values(field)[:1])


@extends_request_admin
class ConsultationTimeAdmin:
    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(time_starts_at=_active("starts_at"), time_status=_active("status"))
        )

    def get_list_display(self, request):
        columns = list(super().get_list_display(request))
        columns.insert(columns.index("status") + 1, "consultation_time")
        return tuple(columns)

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "consultation_time")

    def get_fieldsets(self, request, obj=None):
        return with_fields(
            super().get_fieldsets(request, obj), "status", after=("consultation_time",)
        )

    @admin.display(description=_("consultation time"), ordering="time_starts_at")
    def consultation_time(self, obj):
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
