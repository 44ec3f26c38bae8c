"""The site's URLs plus a minimal view, used only while benchmarking (BENCH_MINIMAL_VIEW)."""

from django.http import HttpResponse
from django.urls import path

from clinic_site.urls import handler400, handler500
from clinic_site.urls import urlpatterns as site_urlpatterns


def minimal(request):
    return HttpResponse("ok")


urlpatterns = [path("bench/minimal/", minimal), *site_urlpatterns]

__all__ = ["handler400", "handler500", "urlpatterns"]
