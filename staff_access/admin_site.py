"""The one admin site, and the guards every admin page has from it, whichever app registers
the admin: closed to anyone who has not confirmed their second factor this session (django-otp's
`is_verified`, as its own OTPAdminSite checks), and a query string carrying a hidden character
(NUL among them) refused before any admin reads it."""

from functools import wraps

from django.contrib import admin
from django.contrib.admin.views.main import ERROR_FLAG
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import BadRequest
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ground.text import has_hidden_characters
from staff_access.forms import StaffAuthenticationForm
from staff_access.two_factor import needs_second_factor, second_factor_url


class StaffAdminSite(admin.AdminSite):
    login_form = StaffAuthenticationForm
    site_header = _("Ecla Clinic front desk")
    site_title = _("Ecla Clinic admin")
    index_title = _("Front desk")
    # The front desk works in one list; the sidebar would only take its width.
    enable_nav_sidebar = False

    def has_permission(self, request):
        return super().has_permission(request) and request.user.is_verified()

    def admin_view(self, view, cacheable=False):
        # Inside Django's own wrapper: only staff who may see the page meet the refusal.
        return super().admin_view(self.refuse_hidden_characters(view), cacheable)

    def refuse_hidden_characters(self, view):
        """PostgreSQL refuses a NUL outright (a 500), and no search, filter or link of ours
        carries a control character or bidi override. A model's pages answer as Django's list
        answers a filter it can't apply: its "invalid setup" page (?e=1); other pages, 400."""
        model_admin = getattr(view, "__self__", None)

        @wraps(view)
        def guarded(request, *args, **kwargs):
            if not any(
                has_hidden_characters(key + "".join(values), allowed="")
                for key, values in request.GET.lists()
            ):
                return view(request, *args, **kwargs)
            if not isinstance(model_admin, admin.ModelAdmin):
                raise BadRequest("A query value has hidden characters.")
            opts = model_admin.opts
            changelist = f"{self.name}:{opts.app_label}_{opts.model_name}_changelist"
            return HttpResponseRedirect(f"{reverse(changelist)}?{ERROR_FLAG}=1")

        return guarded

    def login(self, request, extra_context=None):
        # Every admin page sends a signed-in but unverified staff user here (has_permission is
        # false for them); from here they go on to their code, or to enrol an app first.
        if request.method == "GET" and needs_second_factor(request.user):
            return redirect(
                second_factor_url(request.user, request.GET.get(REDIRECT_FIELD_NAME, ""))
            )
        return super().login(request, extra_context)
