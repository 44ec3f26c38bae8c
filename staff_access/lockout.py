"""How django-axes sees a sign-in attempt's address, and what a locked-out person is shown."""

from django.conf import settings
from django.contrib import admin
from django.shortcuts import render
from django.utils.translation import gettext as _

from consultations.ratelimit import client_ip as trusted_client_ip
from consultations.ratelimit import client_network


def client_ip(request):
    """The address axes counts failures against: the one our proxies vouch for.

    An IPv6 subscriber gets a whole /64, so the lock holds for the /64 (written as its first
    address, which fits axes' IP address column), as the consultation rate limit does.
    """
    ip = trusted_client_ip(request)
    return None if ip is None else str(client_network(ip))


def locked_out(request, original_response=None, credentials=None):
    """The same page whoever is locked out and why: it never says whether the account exists."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {
        **admin.site.each_context(request),
        "title": _("Signing in is paused"),
        "minutes": minutes,
    }
    return render(
        request,
        "staff_access/locked_out.html",
        context,
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
