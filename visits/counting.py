"""Counting page views where every one of them already passes: a middleware, no cookie, no script.

Counted: a GET of one of the site's HTML pages answered 200 (pages in the page cache too: they
pass through the middleware like any other). Not counted: HEAD (monitors and link checkers; a
browser showing a page sends GET), anything not HTML (static files, feeds, .ics, robots.txt,
the sitemap, /healthz), the admin. Left out and counted only as "left out": bots and link previews
(agents.py), prefetches, and signed-in staff, whose session is looked at only when the request
carries a session cookie, so a visitor's view costs no database query.
"""

import re
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import get_language

from ground.hours import clinic_today
from ground.logs import redacted
from visits import tally
from visits.agents import is_bot, is_prefetch
from visits.campaign import campaign_from_query
from visits.models import LandingDay, LeftOutDay, PageDay, ReferrerDay
from visits.visitor import Visit, find_or_start, site_host, visitor_key

NOT_PAGES = ("/static/", "/bench/")
# A path carrying a secret (a visit link's token, a feed's key) is kept as ground/logs.py logs it.
SECRET_PATHS = re.compile(r"/consultation/time/visit/|/calendar/")


class VisitCountingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.not_pages = (*NOT_PAGES, "/" + settings.ADMIN_URL)

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method == "GET"
            and response.status_code == 200
            and response.get("Content-Type", "").startswith("text/html")
            and not request.path.startswith(self.not_pages)
        ):
            count_view(request)
        return response


def left_out_because(request):
    if is_prefetch(request):
        return LeftOutDay.Reason.PREFETCH
    if is_bot(request.META.get("HTTP_USER_AGENT", "")):
        return LeftOutDay.Reason.BOT
    if settings.SESSION_COOKIE_NAME in request.COOKIES and is_staff(request):
        return LeftOutDay.Reason.STAFF
    return None


def is_staff(request):
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated and user.is_staff)


def count_view(request):
    day = today()
    reason = left_out_because(request)
    if reason:
        tally.add(LeftOutDay, (day, reason.value), 1)
        return
    path = request.path
    if SECRET_PATHS.search(path):
        path = redacted(path)
    path = path[:200]
    language = getattr(request, "LANGUAGE_CODE", None) or get_language()
    visit, started = find_or_start(
        visitor_key(request, day), day, lambda: landing_of(request, path, language)
    )
    tally.add_rows(
        (LandingDay, (day, *visit), (int(started), 1)), (PageDay, (day, path, language), (1,))
    )
    if started:
        host = referrer_host(request)
        if host:
            tally.add(ReferrerDay, (day, host), 1)


def landing_of(request, path, language):
    """The visit this view starts: its page, language and campaign (worked out only for a
    visit's first view: the others find theirs)."""
    campaign = campaign_from_query(request.GET) if request.META.get("QUERY_STRING") else {}
    return Visit(
        path,
        language,
        campaign.get("utm_source", ""),
        campaign.get("utm_medium", ""),
        campaign.get("utm_campaign", ""),
    )


_today = {"day": None, "until": 0.0}


def today():
    """The Dubai day, worked out once a minute rather than for every view (on the hot path)."""
    now = time.time()
    if now >= _today["until"]:
        _today.update(day=clinic_today(), until=now + 60 - now % 60)
    return _today["day"]


def forget_today():
    """Work the day out again at the next view (tests that set the clock)."""
    _today.update(day=None, until=0.0)


def referrer_host(request):
    """The referring site's host, never its page; nothing for a link on our own site."""
    try:
        host = (urlsplit(request.META.get("HTTP_REFERER", "")).hostname or "").lower()
    except ValueError:
        return ""
    return "" if host in ("", site_host(request)) else host[:100]
