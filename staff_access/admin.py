from django.contrib import admin

from staff_access.models import RefusedSignIns


@admin.register(RefusedSignIns)
class RefusedSignInsAdmin(admin.ModelAdmin):
    """For superusers: how many tries each locked address made while it was locked."""

    list_display = ("address", "tries", "first_at", "last_at")
    list_filter = (("last_at", admin.DateFieldListFilter),)
    search_fields = ("=address",)
    actions = None

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
