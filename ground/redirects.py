"""Where a redirect may send a visitor: somewhere on this site, as a browser would read it.

Browsers don't read a URL the way Python's urllib does: they drop tabs and newlines, treat a
backslash as a slash, resolve "." and "%2e" segments, so `/.//evil.example/` becomes the path
`//evil.example/`, which a later redirect written as that path sends to another host. So every
redirect target is resolved here with ada, the WHATWG URL parser that Node.js uses, and kept
only when it stays on this host and its path can't be read as a host.
"""

import ada_url
from django.conf import settings

REDIRECT_STATUSES = {301, 302, 303, 307, 308}


def local_target(url, request):
    """The path and query a browser would go to from this request's page, if that is on this
    site; else None."""
    if not isinstance(url, str) or not url:
        return None
    here = request.build_absolute_uri()
    try:
        resolved = ada_url.URL(url, here)
    except ValueError:
        return None
    if resolved.host != ada_url.URL(here).host or resolved.pathname.startswith("//"):
        return None
    return resolved.pathname + resolved.search


class SafeRedirectMiddleware:
    """The last word on every redirect the site answers: a target that a browser would take to
    another host (or to a path that reads as one) becomes the home page, or in the admin, the
    admin's front page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        location = response.get("Location")
        if response.status_code in REDIRECT_STATUSES and location:
            admin = f"/{settings.ADMIN_URL}"
            fallback = admin if request.path_info.startswith(admin) else "/"
            response["Location"] = location if local_target(location, request) else fallback
        return response
