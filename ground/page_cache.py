"""Pages rendered once per process and kept, served without rendering them again.

A page that is all template changes only with a deploy or a settings change, both of which
restart the server processes, or with what an app registers with `register_edition()` (the
dated hours in the footer, and the date they are counted from). So each is rendered once per
language, scheme, host and path, and kept for ten minutes in this process as its fixed parts
(compressed once: page_parts.py), or until its edition changes; every request gets a new
response made from them: a cookie or header one visitor's response picks up on its way out never
reaches another's.

A page may hold a few values that differ for each visitor: a form's CSRF token, and whatever an
app registers with `register_slot()` (the consultation form's signed time and source page).
While a page is rendered to be kept, the template puts each value's slot marker in its place
(`rendering_to_keep` is in its context); each response gets the visitor's own values there. A
page with slots is private to its visitor; a page without may be kept by any cache for ten
minutes.
"""

import threading
import time

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from ground.page_parts import PageParts

PAGE_CACHE_SECONDS = 600
# Text no page can otherwise contain, so no patient's input is ever in a kept page.
CSRF_SLOT = "prerendered-slot-csrf-token"
# {slot marker: function(request) giving the visitor's value, as HTML}
_slot_values = {CSRF_SLOT: get_token}
# Functions giving what kept pages show that changes without a restart (cheap: called for every
# response of a kept page, so they read what their app keeps in the process, not the database).
_editions = []


def register_slot(marker, value):
    """Let kept pages carry a per-visitor value: `marker` in the template, `value(request)` (as
    HTML: escape it) in each response. Called from an app's AppConfig.ready()."""
    _slot_values[marker] = value


def register_edition(function):
    """Render kept pages again when `function()` gives another value than when they were
    rendered. Called from an app's AppConfig.ready()."""
    _editions.append(function)


def current_edition():
    return tuple(function() for function in _editions)


class PageCacheStore:
    """What one process keeps: made once, read by every request, never changed after.

    A plain dictionary, not a Django cache: a cache pickles what it keeps, and unpickling a
    whole page for each request was most of what a kept page cost (bench/throughput.sh).
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
    def __init__(self, response, edition=()):
        self.edition = edition
        html = response.content.decode()
        self.parts = PageParts(html, [marker for marker in _slot_values if marker in html])
        self.content_type = response["Content-Type"]

    def response(self, request, values=None):
        given = values or {}
        values = {
            slot: given[slot] if slot in given else _slot_values[slot](request)
            for slot in self.parts.slots
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


def page_key(request, template_name):
    """The key a page is kept under: one per template, language, scheme, host and path."""
    parts = (template_name, get_language(), request.scheme, request.get_host(), request.path)
    return ":".join(parts)


def accepts_gzip(request):
    return bool(re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))


def page_cache_response(request, template_name, context=None, values=None):
    """The kept page for this request, rendered first if this process hasn't kept it yet.

    `context` may be a function that makes it: it is called only when the page is rendered,
    not for every response of a kept page. `values` gives a slot another value than its
    registered one, for this response only.
    """
    key = page_key(request, template_name)
    edition = current_edition()
    page = store.get(key)
    if page is None or page.edition != edition:
        if callable(context):
            context = context()
        context = {**(context or {}), "csrf_token": CSRF_SLOT, "rendering_to_keep": True}
        view = TemplateView.as_view(template_name=template_name, extra_context=context)
        page = CachedPage(view(request).render(), edition)
        store.set(key, page)
    return page.response(request, values)


def cached_page(template_name, **context):
    """The view of a page that is all template, kept rendered (see the module's docstring)."""

    @require_safe
    def view(request):
        return page_cache_response(request, template_name, context)

    return view
