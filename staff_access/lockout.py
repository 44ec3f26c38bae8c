"""How django-axes counts sign-in failures here, and what a locked-out person is shown.

django-axes locks a username, or an address, after AXES_FAILURE_LIMIT failures in a row. Its
database handler is kept, with three changes of ours (LockoutHandler):
- a try refused while locked is counted (RefusedSignIns, one row per address and lock), never
  stored one by one: no access-trail row, no copy of its form, and never held against the
  username typed (a scanner behind the office's address must not lock the receptionist who signs
  in there with her right password);
- each real failure goes on the access trail, with the username typed and never the password;
- failures are cleared only for the person who signed in, and only once the second factor
  passed (two_factor.sign_in_second_factor), not at the password, nor for a colleague's account
  that a sign-in from the same address used to wipe; axes' log of sign-ins is written then too,
  so it never lists someone who stopped at the password.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.utils import reset
from django.conf import settings
from django.contrib import admin
from django.db.models import F
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.trail import Action, record
from ground.client import client_ip as trusted_client_ip
from ground.client import client_network
from staff_access.models import RefusedSignIns


def client_ip(request):
    """The address axes counts failures against: the one our proxies vouch for.

    An IPv6 subscriber gets a whole /64, so the lock holds for the /64 (written as its first
    address, which fits axes' IP address column), as the consultation rate limit does.
    """
    ip = trusted_client_ip(request)
    return None if ip is None else str(client_network(ip))


class LockoutHandler(AxesDatabaseHandler):
    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        # axes' backend marks the request before the password is even checked when the
        # username or the address is already locked.
        if request is not None and getattr(request, "axes_locked_out", False):
            count_refused(request)
            return
        super().user_login_failed(sender, credentials, request, **kwargs)
        # Django has already masked the password in `credentials`; only the typed name is kept.
        record(request, Action.SIGN_IN_FAILED, username=str(credentials.get("username", "")))

    def user_logged_in(self, sender, request, user, **kwargs):
        """The password step: not a sign-in yet (see signed_in)."""

    def signed_in(self, request, user):
        """Both steps passed: axes' log of sign-ins gets its line."""
        AxesProxyHandler.update_request(request)
        super().user_logged_in(None, request, user)


def count_refused(request):
    """One more try refused while locked, added to this address's count for this lock.

    A new lock (no refused try from the address within the cool-off time) starts a new count
    and puts one line on the access trail; the tries after it only add to the count.
    """
    now = timezone.now()
    address = getattr(request, "axes_ip_address", None)
    same_lock = RefusedSignIns.objects.filter(
        address=address, last_at__gte=now - settings.AXES_COOLOFF_TIME
    )
    if same_lock.update(tries=F("tries") + 1, last_at=now):
        return
    RefusedSignIns.objects.create(address=address, first_at=now, last_at=now)
    record(request, Action.SIGN_IN_REFUSED, address=address)


def signed_in(request, user):
    """This person just passed both steps: forget the failures against their username, and
    log the sign-in in axes' log."""
    reset(username=user.get_username())
    AxesProxyHandler.get_implementation().signed_in(request, user)


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
