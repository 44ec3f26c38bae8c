"""The FAQ and the notices in the admin (the review steps, history and revert: admin_review.py)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from content.admin_review import ReviewedAdmin
from content.models import FaqEntry, Notice


class LiveFilter(admin.SimpleListFilter):
    title = _("on the site")
    parameter_name = "live"

    def lookups(self, request, model_admin):
        return (("yes", _("Live")), ("no", _("Not yet")))

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(published_at__isnull=self.value() == "no")
        return queryset


@admin.register(FaqEntry)
class FaqEntryAdmin(ReviewedAdmin):
    preview_kind = "faq"
    list_display = ("__str__", "draft_position", "status", "is_live", "warnings")
    list_filter = ("status", LiveFilter)
    search_fields = ("draft_question_en", "draft_question_ar", "question_en", "question_ar")
    content_fieldsets = (
        (
            _("English and Arabic"),
            {
                "fields": (
                    ("draft_question_en", "draft_question_ar"),
                    ("draft_answer_en", "draft_answer_ar"),
                    "draft_position",
                ),
                "classes": ("content-pairs",),
            },
        ),
    )


@admin.register(Notice)
class NoticeAdmin(ReviewedAdmin):
    preview_kind = "notice"
    list_display = ("name", "draft_publish_at", "draft_expire_at", "status", "is_live", "warnings")
    list_filter = ("status", LiveFilter)
    search_fields = ("name", "draft_text_en", "draft_text_ar")
    content_fieldsets = (
        (None, {"fields": ("name",)}),
        (
            _("English and Arabic"),
            {"fields": (("draft_text_en", "draft_text_ar"),), "classes": ("content-pairs",)},
        ),
        (_("When it shows"), {"fields": (("draft_publish_at", "draft_expire_at"),)}),
    )
