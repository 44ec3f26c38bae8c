"""The steps between the password and the admin: enrol an authenticator app the first time,
type its code every time after, or use a recovery code."""

from urllib.parse import urlencode

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME, logout
from django.contrib.auth.decorators import user_passes_test
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ground.redirects import local_target
from staff_access import two_factor
from staff_access.forms import AppCodeForm, CodeForm

RECOVERY_CODES_SESSION_KEY = "staff_access_recovery_codes"


def staff_signed_in(view):
    """Only for a staff user past the password step; everyone else starts at the sign-in."""
    only_staff = user_passes_test(
        lambda user: user.is_active and user.is_staff,
        login_url="admin:login",
        redirect_field_name=None,
    )
    return never_cache(only_staff(view))


def next_url(request):
    url = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    return local_target(url, request) or reverse("admin:index")


def render_step(request, template, title, **context):
    context = {
        **admin.site.each_context(request),
        "title": title,
        "next": next_url(request),
        **context,
    }
    return render(request, template, context)


@staff_signed_in
def verify(request):
    if request.user.is_verified():
        return redirect(next_url(request))
    if not two_factor.has_authenticator(request.user):
        return redirect(two_factor.second_factor_url(request.user, next_url(request)))
    form = CodeForm(request.POST or None)
    if form.is_valid():
        outcome = two_factor.check_code(request, form.cleaned_data["code"])
        if outcome == "ok":
            return redirect(next_url(request))
        form.add_error("code", code_error(outcome))
    return render_step(request, "staff_access/verify.html", _("Enter your sign-in code"), form=form)


@staff_signed_in
def enrol(request):
    if request.user.is_verified() or two_factor.has_authenticator(request.user):
        return redirect(two_factor.second_factor_url(request.user, next_url(request)))
    if not two_factor.password_typed_recently(request):
        # Adding a phone needs the password in this very sign-in: start the sign-in again.
        logout(request)
        return redirect("admin:login")
    device = two_factor.enrolment_device(request.user)
    form = AppCodeForm(request.POST or None)
    if form.is_valid():
        if two_factor.throttled(device):
            form.add_error("code", code_error("throttled"))
        else:
            codes = two_factor.confirm_enrolment(request, device, form.cleaned_data["code"])
            if codes:
                request.session[RECOVERY_CODES_SESSION_KEY] = codes
                recovery = reverse("staff_access:recovery-codes")
                return redirect(f"{recovery}?{urlencode({REDIRECT_FIELD_NAME: next_url(request)})}")
            form.add_error("code", code_error("wrong"))
    return render_step(
        request,
        "staff_access/enrol.html",
        _("Set up your sign-in app"),
        form=form,
        manual_key=two_factor.manual_key(device),
    )


@staff_signed_in
def qr_code(request):
    """The enrolment QR code as SVG, from our own origin (no inline image, no third party)."""
    device = two_factor.pending_device(request.user)
    if device is None or request.user.is_verified():
        raise Http404
    return HttpResponse(two_factor.qr_code_svg(device), content_type="image/svg+xml")


@staff_signed_in
def recovery_codes(request):
    """Shown once, straight after enrolment: a reload finds them gone."""
    if not request.user.is_verified():
        return redirect("admin:login")
    codes = request.session.pop(RECOVERY_CODES_SESSION_KEY, None)
    if not codes:
        return redirect(next_url(request))
    return render_step(
        request,
        "staff_access/recovery_codes.html",
        _("Keep your recovery codes"),
        codes=[f"{code[:4]}-{code[4:]}" for code in codes],
    )


@require_POST
def sign_out(request):
    """Sign out before the second factor (the admin's own logout needs a verified session)."""
    logout(request)
    return redirect("admin:login")


def code_error(outcome):
    if outcome == "throttled":
        return _("Too many wrong codes in a row. Wait a minute, then try the newest code.")
    return _("That code is not right. Check the app shows Ecla Clinic and try the newest code.")
