"""The patient's choice of language: a switch on every page that works without JavaScript, and a
memory of it for the next visit. English lives at unprefixed URLs, Arabic under /ar/."""

from urllib.parse import quote_plus, urlsplit

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import translate_url
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language_from_path

from ground.redirects import local_target

LANGUAGE_CODES = {code for code, _ in settings.LANGUAGES}


def switch_query(request):
    """This request's query string as the end of the switch's `next` (URL-encoded): on a page
    whose address carries what the page is about (the time picker's ?r=), a slot of the header
    (templates/includes/header.html)."""
    query = request.META.get("QUERY_STRING", "")
    return quote_plus(f"?{query}") if query else ""


def same_page_in(path, code):
    """The path of the same page in another language (the path itself if it isn't a page)."""
    with translation.override(get_language_from_path(path) or settings.LANGUAGE_CODE):
        return translate_url(path, code)


def switch_language(request, code):
    """Remember the language chosen and show the same page in it (with its query string)."""
    next_path = local_target(request.GET.get("next"), request) or "/"
    if code not in LANGUAGE_CODES:
        code = settings.LANGUAGE_CODE
    parts = urlsplit(next_path)
    target = same_page_in(parts.path, code) + (f"?{parts.query}" if parts.query else "")
    response = HttpResponseRedirect(local_target(target, request) or "/")
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


class RememberedLanguageMiddleware:
    """A patient who chose Arabic and later opens an English (unprefixed) page of the site, e.g.
    from a bookmark or an old link, is sent to the same page in Arabic.

    Only the switch sets the cookie, so search engines (which keep no cookies) and patients who
    never chose always get the page the URL names.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        remembered = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        unprefixed = get_language_from_path(request.path_info) is None
        if (
            unprefixed
            and request.method in {"GET", "HEAD"}
            and remembered in LANGUAGE_CODES
            and remembered != settings.LANGUAGE_CODE
        ):
            translated = same_page_in(request.path_info, remembered)
            query = request.META.get("QUERY_STRING", "")
            target = local_target(translated + (f"?{query}" if query else ""), request)
            if translated != request.path_info and target:
                response = HttpResponseRedirect(target)
                patch_vary_headers(response, ["Cookie"])
                return response
        response = self.get_response(request)
        if unprefixed:
            patch_vary_headers(response, ["Cookie"])
        return response
