import logging

from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseServerError
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
