from datetime import timedelta

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ERROR_FLAG
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect, StreamingHttpResponse
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.module_loading import autodiscover_modules
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from audit.mixins import AccessTrailAdminMixin
from audit.trail import recorded_stream, update_with_trail
from consultations import admin_extensions, lifecycle, patient_data, patient_data_admin
from consultations.admin_isolates import IsolatedNamesAndNumbers
from consultations.export import HEADER_LINES, csv_filename, filters_for_trail, stream_csv
from consultations.models import COUNT_CAP, ConsultationRequest
from consultations.phone import parse_search_number
from consultations.sitemaps import ConsultationSitemap
from consultations.whatsapp import whatsapp_column
from ground.isolates import number_ltr
from pages.sitemaps import PageSitemap

admin.site.site_header = _("Ecla Clinic front desk")
admin.site.site_title = _("Ecla Clinic admin")
admin.site.index_title = _("Front desk")
# The front desk works in one list; the sidebar would only take its width.
admin.site.enable_nav_sidebar = False


class CappedCountPaginator(Paginator):
    """Counts at most COUNT_CAP + 1 rows, so a list of a million requests never counts them all."""

    @cached_property
    def count(self):
        return self.object_list[: COUNT_CAP + 1].count()

    @property
    def is_capped(self):
        return self.count > COUNT_CAP


class SourcePageFilter(admin.SimpleListFilter):
    title = _("sent from page")
    parameter_name = "source_path"

    def lookups(self, request, model_admin):
        # The site's own pages in each language: a fixed list, so the filter costs no query.
        sitemaps = (PageSitemap(), ConsultationSitemap())
        paths = []
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                paths += [
                    sitemap.location(item) for sitemap in sitemaps for item in sitemap.items()
                ]
        return [(path, path) for path in paths]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(source_path=self.value())
        return queryset


class CampaignSourceFilter(admin.SimpleListFilter):
    title = _("campaign source")
    parameter_name = "utm_source"

    def lookups(self, request, model_admin):
        # Reading the sources scans three months of requests: every list page would pay for it.
        try:
            sources = cache.get_or_set("admin:campaign-sources", self.recent_sources, 300)
        except Exception:
            sources = self.recent_sources()
        return [("-", _("None (no campaign)")), *((source, source) for source in sources)]

    @staticmethod
    def recent_sources():
        recent = timezone.now() - timedelta(days=90)
        return list(
            ConsultationRequest.objects.filter(created_at__gte=recent)
            .exclude(utm_source="")
            .order_by("utm_source")
            .values_list("utm_source", flat=True)
            .distinct()[:30]
        )

    def queryset(self, request, queryset):
        if self.value() == "-":
            return queryset.filter(utm_source="")
        if self.value():
            return queryset.filter(utm_source=self.value())
        return queryset


def status_action(status):
    @admin.action(permissions=["change"], description=format_lazy(_("Mark as “{}”"), status.label))
    def action(modeladmin, request, queryset):
        before = list(queryset.exclude(status=status).values_list("pk", "status"))
        updated = update_with_trail(
            request, queryset, action.__name__, {"status": status}, {"updated_at": timezone.now()}
        )
        changes = [(pk, old, status.value) for pk, old in before]
        lifecycle.record_status_changes(request, changes)
        modeladmin.message_user(
            request,
            ngettext(
                "%(count)d request marked as “%(status)s”.",
                "%(count)d requests marked as “%(status)s”.",
                updated,
            )
            % {"count": updated, "status": status.label},
            messages.SUCCESS,
        )

    action.__name__ = f"mark_{status.value}"
    return action


class ConsultationRequestAdmin(IsolatedNamesAndNumbers, AccessTrailAdminMixin, admin.ModelAdmin):
    list_display = (
        "name",
        "phone_link",
        "whatsapp",  # a link made for each request (get_list_display)
        "status",
        "created_at",
        "source",
        "language",
        "is_possible_duplicate",
    )
    list_display_links = ("name",)
    list_filter = (
        "status",
        ("created_at", admin.DateFieldListFilter),
        SourcePageFilter,
        CampaignSourceFilter,
        "language",
    )
    search_fields = ("name",)
    search_help_text = _(
        "Search by name, or by phone or WhatsApp number in any form (050 123 4567)."
    )
    list_per_page = 50
    paginator = CappedCountPaginator
    show_full_result_count = False
    actions = [
        *(status_action(status) for status in ConsultationRequest.Status),
        "export_selected_csv",
    ]
    # The owner is the front desk's (frontdesk/request_admin.py shows it), but a field of ours.
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
    )
    fieldsets = (
        (_("Patient"), {"fields": ("name", "phone", "whatsapp", "message")}),
        (_("Follow-up"), {"fields": ("status", "staff_notes", "duplicate_link")}),
        (
            _("Where it came from"),
            {"fields": ("source", "language", "utm_medium", "utm_campaign")},
        ),
        (_("Record"), {"fields": ("consent_given_at", "created_at", "updated_at")}),
    )

    @admin.display(description=_("phone"), ordering="phone")
    def phone_link(self, obj):
        return format_html('<a href="tel:{}">{}</a>', obj.phone, number_ltr(obj.phone))

    @admin.display(description=_("source"))
    def source(self, obj):
        return obj.utm_source or obj.source_path or "–"

    @admin.display(description=_("repeat?"))
    def is_possible_duplicate(self, obj):
        return _("Possible duplicate") if obj.is_possible_duplicate else ""

    @admin.display(description=_("possible duplicate of"))
    def duplicate_link(self, obj):
        if not obj.duplicate_of_id:
            return _("No earlier request from this number")
        url = reverse("admin:consultations_consultationrequest_change", args=[obj.duplicate_of_id])
        return format_html(
            '<a href="{}">{}</a>', url, _("Earlier request #%s") % obj.duplicate_of_id
        )

    def has_add_permission(self, request):
        # Requests come from patients through the website, with their consent recorded.
        return False

    def get_search_results(self, request, queryset, search_term):
        number = parse_search_number(search_term)
        if number:
            return queryset.with_number(number), False
        return super().get_search_results(request, queryset, search_term)

    def get_list_display(self, request):
        return tuple(
            whatsapp_column(request) if column == "whatsapp" else column
            for column in super().get_list_display(request)
        )

    def changelist_view(self, request, extra_context=None):
        new = ConsultationRequest.objects.new().capped_count()
        extra_context = {**(extra_context or {}), "new_request_count": new, "count_cap": COUNT_CAP}
        return super().changelist_view(request, extra_context)

    def get_urls(self):
        export = path(
            "export.csv",
            self.admin_site.admin_view(self.export_view),
            name="consultations_consultationrequest_export",
        )
        rights = path(
            "patient-data/",
            self.admin_site.admin_view(self.patient_data_view),
            name="consultations_patient_data",
        )
        return [export, rights, *super().get_urls()]

    def patient_data_view(self, request):
        return patient_data_admin.patient_data_view(request, self)

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

    def export_view(self, request):
        """Everything the list shows with its current filters and search, as CSV."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            changelist = self.get_changelist_instance(request)
        except IncorrectLookupParameters:
            # What the list does with filters it can't apply: its "invalid setup" page.
            list_url = reverse("admin:consultations_consultationrequest_changelist")
            return HttpResponseRedirect(f"{list_url}?{ERROR_FLAG}=1")
        return self.csv_response(request, changelist.get_queryset(request), "filtered list")

    @admin.action(permissions=["view"], description=_("Export selected requests as CSV"))
    def export_selected_csv(self, request, queryset):
        return self.csv_response(request, queryset, "selected requests")

    def csv_response(self, request, queryset, scope):
        lines = recorded_stream(
            request,
            stream_csv(queryset),
            ConsultationRequest,
            header_lines=HEADER_LINES,
            scope=scope,
            filters=filters_for_trail(request.GET),
        )
        response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{csv_filename()}"'
        return response


autodiscover_modules("request_admin")
admin.site.register(
    ConsultationRequest,
    type("ConsultationRequestAdmin", (*admin_extensions.mixins, ConsultationRequestAdmin), {}),
)

from consultations import outbox_admin  # noqa: E402, F401  (the staff emails waiting)
