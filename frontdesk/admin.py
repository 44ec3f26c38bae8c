"""The staff's one admin of a consultation request, written out whole: the front desk's list
(it opens on what to do now), a request's page with its contact history and the same patient's
other requests, the log page, the CSV export, the report and a patient's data page.

What it names lives in small modules beside it: the columns (request_columns.py), filters
(request_filters.py), bulk actions (request_actions.py), pages (log_page.py, export_views.py,
report_views.py, patient_data_page.py); booking's column and action (booking/request_times.py).
"""

from django.contrib import admin
from django.core.paginator import Paginator
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from audit.mixins import AccessTrailAdminMixin
from booking import request_times
from consultations import lifecycle, patient_data
from consultations.models import COUNT_CAP, ConsultationRequest
from consultations.phone import parse_search_number
from frontdesk import (
    export_views,
    log_page,
    patient_data_page,
    report_views,
    request_actions,
    visits_report_views,
)
from frontdesk.admin_isolates import IsolatedNamesAndNumbers
from frontdesk.request_columns import RequestColumns, whatsapp_column
from frontdesk.request_filters import (
    CampaignSourceFilter,
    SourcePageFilter,
    WorkFilter,
    to_do_ordering,
)


class CappedCountPaginator(Paginator):
    """Counts at most COUNT_CAP + 1 rows, so a list of a million requests never counts them all."""

    @cached_property
    def count(self):
        return self.object_list[: COUNT_CAP + 1].count()

    @property
    def is_capped(self):
        return self.count > COUNT_CAP


@admin.register(ConsultationRequest)
class ConsultationRequestAdmin(
    RequestColumns, IsolatedNamesAndNumbers, AccessTrailAdminMixin, admin.ModelAdmin
):
    list_display = (
        "name",
        "phone_link",
        "whatsapp_link",  # made with the staff member's request (get_list_display)
        "status",
        "follow_up",
        "clocks",
        "best_time",
        "prefers",
        "consultation_time",
        "created_at",
        "source",
        "language",
        "is_possible_duplicate",
        "log_link",  # for staff who may change requests (get_list_display)
    )
    list_display_links = ("name",)
    list_filter = (
        WorkFilter,
        "status",
        ("created_at", admin.DateFieldListFilter),
        SourcePageFilter,
        CampaignSourceFilter,
        "language",
    )
    list_select_related = ("owner",)
    search_fields = ("name",)
    search_help_text = _(
        "Search by name, or by phone or WhatsApp number in any form (050 123 4567)."
    )
    list_per_page = 50
    paginator = CappedCountPaginator
    show_full_result_count = False
    actions = [
        *request_actions.MARK_AS,
        request_actions.export_selected_csv,
        request_times.decline_and_stop_links,
    ]
    raw_id_fields = ("duplicate_of", "owner")
    readonly_fields = (
        "consent_given_at",
        "created_at",
        "updated_at",
        "duplicate_link",
        "source",
        "language",
        "utm_medium",
        "utm_campaign",
        "consultation_time",
        "log_link",
        "clocks",
        "best_time",
        "prefers",
        "contact_history",
        "same_patient",
    )
    fieldsets = (
        (
            _("Patient"),
            {"fields": ("name", "phone", "whatsapp", "message", "best_time", "prefers")},
        ),
        (
            _("Follow-up"),
            {
                "fields": (
                    "log_link",
                    "status",
                    "owner",
                    ("call_back_on", "call_back_after"),
                    "clocks",
                    "consultation_time",
                    "staff_notes",
                    "contact_history",
                    "same_patient",
                    "duplicate_link",
                )
            },
        ),
        (
            _("Where it came from"),
            {"fields": ("source", "language", "utm_medium", "utm_campaign")},
        ),
        (_("Record"), {"fields": ("consent_given_at", "created_at", "updated_at")}),
    )

    # Booking's column: the request's active consultation time, linking to its day.
    consultation_time = staticmethod(request_times.consultation_time)

    def get_queryset(self, request):
        return request_times.with_consultation_time(super().get_queryset(request))

    def get_list_display(self, request):
        columns = [
            whatsapp_column(request) if column == "whatsapp_link" else column
            for column in self.list_display
        ]
        if not self.has_change_permission(request):
            columns.remove("log_link")
        return tuple(columns)

    def get_ordering(self, request):
        return to_do_ordering(request, self) or super().get_ordering(request)

    def has_add_permission(self, request):
        # Requests come from patients through the website, with their consent recorded.
        return False

    def get_search_results(self, request, queryset, search_term):
        number = parse_search_number(search_term)
        if number:
            return queryset.with_number(number), False
        return super().get_search_results(request, queryset, search_term)

    def changelist_view(self, request, extra_context=None):
        new = ConsultationRequest.objects.new().capped_count()
        extra_context = {**(extra_context or {}), "new_request_count": new, "count_cap": COUNT_CAP}
        return super().changelist_view(request, extra_context)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/log/", view(self.log_contact_view), name="frontdesk_log_contact"),
            path("report/", view(self.report_view), name="frontdesk_requests_report"),
            path("report/visits/", view(self.visits_report_view), name="frontdesk_visits_report"),
            path(
                "export.csv",
                view(self.export_view),
                name="consultations_consultationrequest_export",
            ),
            path("patient-data/", view(self.patient_data_view), name="consultations_patient_data"),
            *super().get_urls(),
        ]

    # The pages above, each in its own module; methods, so that the admin site's guard knows
    # them for this admin's (staff_access/admin_site.py).
    def log_contact_view(self, request, pk):
        return log_page.log_contact_view(request, self, pk)

    def report_view(self, request):
        return report_views.report_view(request, self)

    def visits_report_view(self, request):
        return visits_report_views.visits_report_view(request, self)

    def export_view(self, request):
        return export_views.export_view(request, self)

    def patient_data_view(self, request):
        return patient_data_page.patient_data_view(request, self)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "status" in form.changed_data:
            changes = [(obj.pk, form.initial.get("status"), obj.status)]
            lifecycle.record_status_changes(request, changes)

    def delete_model(self, request, obj):
        pk = obj.pk
        super().delete_model(request, obj)
        patient_data.forget([pk])

    def delete_queryset(self, request, queryset):
        pks = list(queryset.values_list("pk", flat=True))
        super().delete_queryset(request, queryset)
        patient_data.forget(pks)
