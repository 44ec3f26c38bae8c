"""The cache that keeps rendered pages in each server process, without pickling them.

Django's local-memory cache pickles every value it stores and unpickles it on every read, so
that no caller can change what another reads. The pages kept here are never changed once
made (bytes and headers, or the form pages' fixed parts), and unpickling a whole page on every
request was most of what a kept page cost over a minimal view (bench/throughput.sh).
"""

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.middleware.gzip import re_accepts_gzip
from django.utils.translation import get_language


def page_key(kind, request, template_name, *extra):
    """The key a page is kept under: one per template, language, scheme, host and path."""
    parts = (template_name, get_language(), request.scheme, request.get_host(), request.path)
    return ":".join((kind, *parts, *map(str, extra)))


def accepts_gzip(request):
    return bool(re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))


class KeptPagesCache(LocMemCache):
    """LocMemCache holding values as they are: only for values nobody changes after storing."""

    def get(self, key, default=None, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            if self._has_expired(key):
                self._delete(key)
                return default
            self._cache.move_to_end(key, last=False)
            return self._cache[key]

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            self._set(key, value, timeout)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            if not self._has_expired(key):
                return False
            self._set(key, value, timeout)
            return True

    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            if self._has_expired(key):
                self._delete(key)
                raise ValueError(f"Key '{key}' not found")
            self._cache[key] += delta
            self._cache.move_to_end(key, last=False)
            return self._cache[key]
