"""The admin site, closed to anyone who has not confirmed their second factor this session."""

from django.apps import apps
from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect

from staff_access.forms import StaffAuthenticationForm
from staff_access.two_factor import needs_second_factor, second_factor_url


class StaffAdminSite(admin.AdminSite):
    login_form = StaffAuthenticationForm

    def has_permission(self, request):
        return super().has_permission(request) and request.user.is_verified()

    def login(self, request, extra_context=None):
        # Every admin page sends a signed-in but unverified staff user here (has_permission is
        # false for them); from here they go on to their code, or to enrol an app first.
        if request.method == "GET" and needs_second_factor(request.user):
            return redirect(
                second_factor_url(request.user, request.GET.get(REDIRECT_FIELD_NAME, ""))
            )
        return super().login(request, extra_context)

    def index(self, request, extra_context=None):
        # What installed apps show at the top of the front page: each app config's
        # `admin_index_panel` template (the front desk's "7 new, 3 to call back today").
        panels = [
            config.admin_index_panel
            for config in apps.get_app_configs()
            if getattr(config, "admin_index_panel", None)
        ]
        return super().index(request, {"index_panels": panels, **(extra_context or {})})
