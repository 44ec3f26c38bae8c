"""The filters of the requests' list (frontdesk/admin.py): the front desk's work (the
list opens on what to do now), the page a request was sent from, and its campaign."""

from datetime import timedelta

from django.conf import settings
from django.contrib import admin
from django.core.cache import cache
from django.db.models import Case, F, IntegerField, Value, When
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from consultations import follow_ups
from consultations.models import ConsultationRequest
from consultations.sitemaps import ConsultationSitemap
from pages.sitemaps import PageSitemap

TO_DO = "to_do"
KEEP_DEFAULT = {"o", "p", "e"}  # ordering, page, error flag: not a choice of what to see


class WorkFilter(admin.SimpleListFilter):
    title = _("work")
    parameter_name = "work"

    def lookups(self, request, model_admin):
        return [
            (TO_DO, _("What to do now")),
            ("mine", _("Mine")),
            ("due_today", _("Due today")),
            ("overdue", _("Overdue")),
            ("all", _("All")),
        ]

    def value(self):
        return super().value() or (TO_DO if self.is_default else None)

    def choices(self, changelist):
        # Without the admin's own "All" (no value): here no value means "what to do now".
        choices = super().choices(changelist)
        next(choices)
        yield from choices

    def __init__(self, request, params, model, model_admin):
        # An action on rows picked one by one acts on those rows, whatever the list showed.
        picked = request.method == "POST" and request.POST.get("select_across") != "1"
        self.is_default = not (set(request.GET) - KEEP_DEFAULT) and not picked
        super().__init__(request, params, model, model_admin)

    def queryset(self, request, queryset):
        value = self.value()
        if value == TO_DO:
            return queryset.new() | follow_ups.due_now(queryset)
        if value == "mine":
            return queryset.filter(owner=request.user)
        if value == "due_today":
            return follow_ups.due_today(queryset)
        if value == "overdue":
            return follow_ups.overdue(queryset)
        return queryset


def to_do_ordering(request, model_admin):
    """On "what to do now": new requests first, oldest first; then follow-ups by their call-back
    day. None on any other choice (the admin's own ordering)."""
    if WorkFilter(request, {}, ConsultationRequest, model_admin).value() != TO_DO:
        return None
    new_first = Case(
        When(status=ConsultationRequest.Status.NEW, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return [new_first.asc(), F("call_back_on").asc(nulls_first=True), "created_at"]


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
