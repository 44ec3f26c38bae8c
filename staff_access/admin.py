from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model

from ground.admin_filters import RefuseHiddenCharacters
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


def refuse_hidden_characters_in(model):
    """Django's and django-axes' own lists of staff and sign-ins, with our filter guard."""
    model_admin = type(admin.site.get_model_admin(model))
    admin.site.unregister(model)
    guarded = type(model_admin.__name__, (RefuseHiddenCharacters, model_admin), {})
    admin.site.register(model, guarded)


for _model in (get_user_model(), *apps.get_app_config("axes").get_models()):
    if admin.site.is_registered(_model):
        refuse_hidden_characters_in(_model)
