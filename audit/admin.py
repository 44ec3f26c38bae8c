import json

from django.contrib import admin
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from audit.models import AccessEvent


@admin.register(AccessEvent)
class AccessEventAdmin(admin.ModelAdmin):
    """The trail, for superusers to read. Nobody adds, edits or deletes an entry here."""

    list_display = ("created_at", "username", "action", "target", "summary")
    list_filter = (
        "action",
        ("username", admin.AllValuesFieldListFilter),
        ("created_at", admin.DateFieldListFilter),
    )
    search_fields = ("=object_id",)
    search_help_text = _("Search by the target's id, e.g. a consultation request's number.")
    list_select_related = ("content_type",)
    list_per_page = 100
    show_full_result_count = False
    actions = None
    fields = ("created_at", "user", "username", "action", "target", "detail_json")

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("target"))
    def target(self, obj):
        return obj.target_label or "–"

    @admin.display(description=_("detail"))
    def summary(self, obj):
        items = (f"{key}: {value}" for key, value in _summary_items(obj.detail))
        return Truncator(", ".join(items)).chars(160)

    @admin.display(description=_("detail"))
    def detail_json(self, obj):
        return format_html("<pre>{}</pre>", json.dumps(obj.detail, indent=2, ensure_ascii=False))


def _summary_items(detail):
    for key, value in detail.items():
        if key == "changes" and isinstance(value, dict):
            yield (
                key,
                "; ".join(
                    f"{field} {change.get('old')!r} → {change.get('new')!r}"
                    for field, change in value.items()
                ),
            )
        else:
            yield key, value
