import logging

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils.crypto import constant_time_compare
from django.views.decorators.cache import never_cache

from ground.cache import cache_problem
from ground.client import client_ip
from ground.clinic import clinic_details

logger = logging.getLogger(__name__)


# What features add to the health check: functions returning (a line, whether this host still
# serves what matters while the database is away). consultations: its held requests.
health_checks = []


def add_health_check(check):
    """Add a line to /healthz (from an app's AppConfig.ready()); see `health_checks`."""
    health_checks.append(check)


@never_cache
def healthz(request):
    """For the load balancer: one line per dependency; 503 only when this host can't serve.

    Anyone gets the status and "ok" or "unavailable"; the lines are for this host (loopback)
    or whoever sends `Authorization: Bearer <HEALTHZ_TOKEN>`.

    The cache being down is reported but keeps 200: the site still takes requests without it
    (the spam limits fail open), and all hosts share it, so taking them out would take the site
    down with it. The database being down is 503, unless a feature still serves without it
    (consultation requests are held on the host's disk while it can take them).
    """
    database = "ok"
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        logger.exception("Health check: the database did not answer")
        database = "unavailable"
    cache = "ok" if cache_problem() is None else "unavailable"
    if cache != "ok":
        logger.error("Health check: the cache can't be used; spam limits are off")
    lines, serving = [f"database: {database}", f"cache: {cache}"], database == "ok"
    for check in health_checks:
        try:
            line, serves_without_database = check()
        except Exception:
            logger.exception("Health check: a check failed")
            line, serves_without_database = "a check failed (see the log)", False
        lines.append(line)
        serving = serving or serves_without_database
    if not may_see_details(request):
        # Outages and counts are for whoever runs the site; the load balancer needs the status.
        lines = ["ok" if serving else "unavailable"]
    body = "".join(f"{line}\n" for line in lines)
    return HttpResponse(body, status=200 if serving else 503, content_type="text/plain")


def may_see_details(request):
    """This host itself (the client's address, behind the trusted proxies), or HEALTHZ_TOKEN."""
    ip = client_ip(request)
    if ip is not None and ip.is_loopback:
        return True
    token = settings.HEALTHZ_TOKEN
    scheme, _, given = request.META.get("HTTP_AUTHORIZATION", "").partition(" ")
    return bool(token) and scheme == "Bearer" and constant_time_compare(given, token)


def server_error(request):
    """The 500 page, rendered without context processors or the database: both may be broken."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"clinic": clinic_details()}))


def bad_request(request, exception):
    """400, e.g. a form body over DATA_UPLOAD_MAX_MEMORY_SIZE or a Host header not ours.

    Rendered without the request: with an unknown Host, anything reading it fails again.
    """
    template = loader.get_template("400.html")
    return HttpResponseBadRequest(template.render({"clinic": clinic_details()}))


def csrf_failure(request, reason=""):
    """A form sent with a missing or stale security token: explain, and offer a fresh form."""
    return render(request, "403_csrf.html", status=403)
