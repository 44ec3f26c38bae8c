"""The page cache: pages rendered once per process and served from memory, not rendered again.

A page that is all template changes only with a deploy or a settings change, both of which
restart the server processes, or with its edition: what it shows that changes without a restart,
the dated hours in the footer and the date they are counted from (`hours_ahead.edition`), the
FAQ and notices the clinic published and which notices show now (`content.live.edition`), as
the setting PAGE_CACHE_EDITIONS names them. So each is rendered once per language, scheme, host
and path, and kept for ten minutes in this process as its fixed parts (compressed once:
page_parts.py), or until its edition changes; every request gets a new response made from them:
a cookie or header one visitor's response picks up on its way out never reaches another's.

A page may hold a few values that differ for each visitor, its slots: the CSRF token, the
`{% slot %}` tag's values (ground/templatetags/page_cache.py: the language switch's query, the
consultation form's signed time and source page) and what a view gives each response (the time
picker's times). While a page is rendered for the page cache, its context holds its `PageSlots`
(as `page_cache_slots`): each slot writes a marker and records there what fills it; each response
gets the visitor's own values in those places. Rendered as usual (no `page_cache_slots`), the same
template writes the values themselves. A page with slots is private to its visitor; a page
without may be kept by any cache for ten minutes.
"""

import secrets
import threading
import time
from functools import cache

from django.conf import settings
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.functional import SimpleLazyObject
from django.utils.html import conditional_escape
from django.utils.module_loading import import_string
from django.utils.translation import get_language
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from ground.page_parts import PageParts

PAGE_CACHE_SECONDS = 600
# The context variable of the page being rendered for the page cache.
SLOTS = "page_cache_slots"


class PageSlots:
    """The slots of one page being rendered for the page cache: {marker: what fills it in each
    response}, a function of the request giving the visitor's value (text, escaped as it is
    put in, or safe HTML) or the name of a value the view gives with each response."""

    def __init__(self):
        self.fills = {}

    def slot(self, fill):
        """A new marker, written in the page where each response gets `fill`'s value."""
        # Random: no text of the page can be taken for it.
        marker = f"page-cache-slot-{secrets.token_hex(8)}"
        self.fills[marker] = fill
        return marker


class PageCacheStore:
    """What one process keeps: made once, read by every request, never changed after.

    A plain dictionary, not a Django cache: a cache pickles what it keeps, and unpickling a
    whole page for each request was most of what a cached page cost (bench/throughput.sh).
    """

    def __init__(self, seconds):
        self.seconds = seconds
        self._items = {}
        self._lock = threading.Lock()

    def get(self, key):
        item = self._items.get(key)
        if item is None or item[1] < time.monotonic():
            return None
        return item[0]

    def set(self, key, value):
        with self._lock:
            self._items[key] = (value, time.monotonic() + self.seconds)

    def clear(self):
        with self._lock:
            self._items.clear()


store = PageCacheStore(PAGE_CACHE_SECONDS)


class CachedPage:
    def __init__(self, response, slots, edition=()):
        self.edition = edition
        html = response.content.decode()
        # A slot made but not written (a name the template doesn't show) fills nothing.
        self.fills = {marker: fill for marker, fill in slots.fills.items() if marker in html}
        self.parts = PageParts(html, list(self.fills))
        self.content_type = response["Content-Type"]

    def response(self, request, given=None):
        values = {
            marker: conditional_escape(given[fill] if isinstance(fill, str) else fill(request))
            for marker, fill in self.fills.items()
        }
        gzipped = accepts_gzip(request)
        response = HttpResponse(
            self.parts.gzipped(values) if gzipped else self.parts.body(values),
            content_type=self.content_type,
        )
        if gzipped:
            response["Content-Encoding"] = "gzip"
        if self.parts.slots:
            if gzipped:
                patch_vary_headers(response, ("Accept-Encoding",))
            # It carries this visitor's own values: no shared cache may hand it to another
            # (one that ignores Vary: Cookie would).
            patch_cache_control(response, private=True)
        else:
            patch_vary_headers(response, ("Accept-Encoding",))
            patch_cache_control(response, max_age=PAGE_CACHE_SECONDS)
        return response


@cache
def _edition_functions(paths):
    return tuple(import_string(path) for path in paths)


def current_edition():
    """What every cached page depends on besides the deploy, as PAGE_CACHE_EDITIONS names it:
    set in the configuration, the top floor, since the content it names is above ground."""
    return tuple(edition() for edition in _edition_functions(tuple(settings.PAGE_CACHE_EDITIONS)))


def page_key(request, template_name):
    """The key a page is cached under: one per template, language, scheme, host and path."""
    parts = (template_name, get_language(), request.scheme, request.get_host(), request.path)
    return ":".join(parts)


def accepts_gzip(request):
    return bool(re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))


def render_for_the_page_cache(request, template_name, context, given):
    slots = PageSlots()
    if callable(context):
        context = context(slots)
    context = {
        **(context or {}),
        # As Django's own context processor gives it: made only if the page writes it.
        "csrf_token": SimpleLazyObject(lambda: slots.slot(get_token)),
        **{name: slots.slot(name) for name in given},
        SLOTS: slots,
    }
    view = TemplateView.as_view(template_name=template_name, extra_context=context)
    return view(request).render(), slots


def page_cache_response(request, template_name, context=None, each_response=None):
    """The cached page for this request, rendered first if this process hasn't cached it yet.

    `context` may be a function of the page's slots that makes it: it is called only when the
    page is rendered, not for every response of a cached page. `each_response` gives values
    that differ for each response ({context variable: HTML}): the page is cached with a slot
    where the template writes each, and this response gets these values there.
    """
    given = each_response or {}
    key = page_key(request, template_name)
    edition = current_edition()
    page = store.get(key)
    if page is None or page.edition != edition:
        response, slots = render_for_the_page_cache(request, template_name, context, given)
        page = CachedPage(response, slots, edition)
        store.set(key, page)
    return page.response(request, given)


def cached_page(template_name, **context):
    """The view of a page that is all template, in the page cache (see the module's docstring)."""

    @require_safe
    def view(request):
        return page_cache_response(request, template_name, context)

    return view
