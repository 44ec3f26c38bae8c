"""The passages in the admin (content/: the review steps, history and revert are ReviewedAdmin's).
Here, not in content/, because a passage's page is one of the site's pages (contents.py), which
content can't name: the staff see each passage's page by its name in their language, filter by
page, and read a page's passages in reading order."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from content.admin import LiveFilter
from content.admin_review import ReviewedAdmin
from content.models import Passage
from pages.contents import PAGES

PAGE_NAMES = {page.name: page.footer_label for page in PAGES}


class PageFilter(admin.SimpleListFilter):
    title = _("page")
    parameter_name = "page"

    def lookups(self, request, model_admin):
        present = set(Passage.objects.values_list("page", flat=True).distinct())
        return [(name, label) for name, label in PAGE_NAMES.items() if name in present]

    def queryset(self, request, queryset):
        return queryset.filter(page=self.value()) if self.value() else queryset


@admin.register(Passage)
class PassageAdmin(ReviewedAdmin):
    preview_kind = "passage"
    list_display = ("__str__", "page_name", "status", "is_live", "warnings")
    list_filter = (PageFilter, "status", LiveFilter)
    search_fields = ("key", "draft_text_en", "draft_text_ar", "text_en", "text_ar")
    list_per_page = 50
    place = (None, {"fields": ("page", "key", "position")})
    content_fieldsets = (
        place,
        (
            _("English and Arabic"),
            {"fields": (("draft_text_en", "draft_text_ar"),), "classes": ("content-pairs",)},
        ),
    )

    @admin.display(description=_("page"), ordering="page")
    def page_name(self, obj):
        return PAGE_NAMES.get(obj.page, obj.page)

    def get_readonly_fields(self, request, obj=None):
        # Where it goes is the developer's (the template names its key): fixed once added.
        fixed = ("page_name", "key", "position") if obj else ()
        return (*super().get_readonly_fields(request, obj), *fixed)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        return [
            (None, {"fields": ("page_name", "key")}) if fieldset == self.place else fieldset
            for fieldset in fieldsets
        ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "page":
            choices = [("", "---------"), *PAGE_NAMES.items()]
            return forms.ChoiceField(choices=choices, label=db_field.verbose_name.capitalize())
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def has_delete_permission(self, request, obj=None):
        # A template names every passage: taking one away is a developer's change (a migration
        # with the template's), or the page would lose those words.
        return False
