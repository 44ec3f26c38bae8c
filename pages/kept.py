"""Content pages rendered once per process and kept as bytes, served without rendering.

A content page is all template: it changes only with a deploy or a settings change, both of
which restart the server processes. So each is rendered once per language, scheme, host and
encoding, compressed when the browser accepts gzip, and kept (for ten minutes, the "pages"
cache's timeout) as its body and headers. Every request gets a new response made from those:
a cookie or header one visitor's response picks up on its way out never reaches another's.
"""

from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from ground.kept_pages import accepts_gzip, page_key

BROWSER_CACHE_SECONDS = 600


class KeptPage:
    def __init__(self, response):
        self.content = response.content
        self.headers = tuple(response.headers.items())

    def response(self):
        response = HttpResponse(self.content)
        for name, value in self.headers:
            response[name] = value
        return response


def content_page(template_name, **extra_context):
    """The view of a page that is all template, kept rendered (see the module's docstring)."""
    render = gzip_page(
        TemplateView.as_view(template_name=template_name, extra_context=extra_context)
    )

    @require_safe
    def view(request):
        key = page_key("content-page", request, template_name, accepts_gzip(request))
        kept = caches["pages"].get(key)
        if kept is None:
            response = render(request).render()
            patch_cache_control(response, max_age=BROWSER_CACHE_SECONDS)
            kept = KeptPage(response)
            caches["pages"].set(key, kept)
        return kept.response()

    return view
