import logging

from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache

from clinic_site.context_processors import clinic_details

logger = logging.getLogger(__name__)


@never_cache
def healthz(request):
    """For the load balancer: 200 while the database answers, 503 when it doesn't."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        logger.exception("Health check: the database did not answer")
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def server_error(request):
    """The 500 page, rendered without context processors or the database: both may be broken."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"clinic": clinic_details()}))


def bad_request(request, exception):
    """400, e.g. a form body over DATA_UPLOAD_MAX_MEMORY_SIZE: say so, and how to reach us."""
    template = loader.get_template("400.html")
    return HttpResponseBadRequest(template.render({"clinic": clinic_details()}, request))


def csrf_failure(request, reason=""):
    """A form sent with a missing or stale security token: explain, and offer a fresh form."""
    return render(request, "403_csrf.html", status=403)
