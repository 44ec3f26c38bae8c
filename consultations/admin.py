"""The staff emails waiting to be sent (consultations/notifications.py), read-only, for staff who
may see requests: each names its request by number, never the patient."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from consultations.models import StaffNotification

SEES_REQUESTS = "consultations.view_consultationrequest"


@admin.register(StaffNotification)
class StaffNotificationAdmin(admin.ModelAdmin):
    list_display = ("request_link", "created_at", "attempts", "next_attempt_at", "last_error")
    list_display_links = None
    fields = list_display
    readonly_fields = list_display

    @admin.display(description=_("consultation request"), ordering="request")
    def request_link(self, row):
        url = reverse("admin:consultations_consultationrequest_change", args=[row.request_id])
        return format_html('<a href="{}">#{}</a>', url, row.request_id)

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(SEES_REQUESTS)

    def has_module_permission(self, request):
        return request.user.has_perm(SEES_REQUESTS)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
