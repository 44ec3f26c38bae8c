"""The FAQ, the notices, the articles, the prices and the contact details in the admin (the
review steps, history and revert: admin_review.py)."""

from django.contrib import admin
from django.shortcuts import redirect
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from content.admin_review import ReviewedAdmin
from content.forms import ArticleForm
from content.models import Article, ContactDetails, FaqEntry, Notice, Price


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


@admin.register(Article)
class ArticleAdmin(ReviewedAdmin):
    preview_kind = "article"
    form = ArticleForm
    list_display = (
        "__str__",
        "draft_published_on",
        "draft_publish_at",
        "status",
        "is_live",
        "warnings",
    )
    list_filter = ("status", LiveFilter)
    search_fields = ("slug", "draft_title_en", "draft_title_ar", "title_en", "title_ar")
    readonly_fields = (*ReviewedAdmin.readonly_fields, "address")
    content_fieldsets = (
        (None, {"fields": ("address",)}),
        (
            _("English and Arabic"),
            {
                "fields": (
                    ("draft_title_en", "draft_title_ar"),
                    ("draft_summary_en", "draft_summary_ar"),
                    ("draft_body_en", "draft_body_ar"),
                ),
                "classes": ("content-pairs",),
            },
        ),
        (
            _("Who wrote and who reviewed it"),
            {
                "fields": (
                    ("draft_author_en", "draft_author_ar"),
                    ("draft_reviewer_en", "draft_reviewer_ar"),
                    ("draft_credentials_en", "draft_credentials_ar"),
                ),
                "classes": ("content-pairs",),
            },
        ),
        (
            _("Dates and pages"),
            {
                "fields": (
                    ("draft_published_on", "draft_last_reviewed_on"),
                    "draft_publish_at",
                    "draft_pages",
                )
            },
        ),
    )

    @admin.display(description=_("page address"))
    def address(self, obj):
        if not obj.slug:
            return _("Made from the English title when you save.")
        return format_html('<bdi dir="ltr">/articles/{}/</bdi>', obj.slug)


@admin.register(Price)
class PriceAdmin(ReviewedAdmin):
    preview_kind = "price"
    list_display = (
        "__str__",
        "draft_amount_from",
        "draft_amount_to",
        "draft_position",
        "status",
        "is_live",
        "warnings",
    )
    list_filter = ("status", LiveFilter)
    search_fields = ("draft_name_en", "draft_name_ar", "name_en", "name_ar")
    content_fieldsets = (
        (
            _("English and Arabic"),
            {
                "fields": (
                    ("draft_name_en", "draft_name_ar"),
                    ("draft_includes_en", "draft_includes_ar"),
                ),
                "classes": ("content-pairs",),
            },
        ),
        (
            _("Amount and order"),
            {"fields": (("draft_amount_from", "draft_amount_to"), "draft_position")},
        ),
    )


@admin.register(ContactDetails)
class ContactDetailsAdmin(ReviewedAdmin):
    """One record: the list goes straight to it (made the first time, its draft the details the
    site shows today), and nobody adds or deletes one."""

    preview_kind = "contact"
    content_fieldsets = (
        (
            _("Phone, WhatsApp and email"),
            {"fields": ("draft_phone", "draft_whatsapp", "draft_email")},
        ),
        (
            _("English and Arabic"),
            {"fields": (("draft_address_en", "draft_address_ar"),), "classes": ("content-pairs",)},
        ),
        (_("Map"), {"fields": ("draft_map_url",)}),
    )

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            return super().changelist_view(request, extra_context)
        return redirect(self.change_url(ContactDetails.objects.the_one()))
