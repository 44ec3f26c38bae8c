"""A visitor's key for the day, and the visit it made: its landing page and campaign.

The key is HMAC-SHA256 over the site's host, the client's network (ground/client.py: the
address, or an IPv6 client's /64) and the browser's user agent, keyed with the day's salt
(salt.py). Neither the address nor the agent is kept: only the key, and only in memory and in
the shared cache, for a day (and in this process's memory, Python's own hash of the same message
with the salt, to find the day's key again without the HMAC's cost). A new salt each day makes
tomorrow's key for the same visitor a stranger's, and once the salt is deleted no key can be
recomputed from an address.

A visit is the key's first counted page of the day: its landing page, language and campaign,
kept under the key in the shared cache (so every host and process finds it) for a day, where a
consultation request sent later that day looks it up (visit_of).
"""

import hashlib
import hmac
import logging
from functools import lru_cache
from typing import NamedTuple

from django.core.cache import cache

from ground.client import client_address_text, client_ip, client_network
from ground.hours import clinic_today
from ground.limits import log_store_unavailable
from visits.salt import salt_of

logger = logging.getLogger(__name__)

VISIT_SECONDS = 24 * 3600
# Keys this process has already seen today, with their visit: a second page of the same visit
# costs no trip to the cache. Cleared each day, and whenever it grows past this.
KNOWN_MOST = 100_000
_known = {"day": None, "visits": {}, "keys": {}}


class Visit(NamedTuple):
    landing_path: str
    language: str
    utm_source: str = ""
    utm_medium: str = ""
    utm_campaign: str = ""


def site_host(request):
    """The host the request named, without its port: the raw header, which Django validated
    against ALLOWED_HOSTS before any page was made (get_host() would do it again)."""
    meta = request.META
    return (meta.get("HTTP_HOST") or meta.get("SERVER_NAME", "")).rsplit(":", 1)[0].lower()


def network_text(request):
    """The client's network as text: an IPv4 address as the proxy wrote it (parsing it costs
    more than the rest of the count), an IPv6 address's /64."""
    address = client_address_text(request)
    if ":" not in address:
        return address
    ip = client_ip(request)
    return str(client_network(ip)) if ip else ""


def visitor_key(request, day):
    message = "\n".join(
        (site_host(request), network_text(request), request.META.get("HTTP_USER_AGENT", ""))
    )
    # The HMAC is most of what counting a view costs, so a key made today is found again by
    # Python's own hash of the message (keyed with this process's random seed, and like the
    # keys themselves kept only in this process's memory, for the day).
    salt = salt_of(day)
    keys = memo_of(day)["keys"]
    fingerprint = hash((salt, message))
    key = keys.get(fingerprint)
    if key is None:
        keyed = keyed_hash(salt).copy()
        keyed.update(message.encode())
        key = keys[fingerprint] = keyed.hexdigest()[:32]
    return key


@lru_cache(maxsize=1)
def keyed_hash(salt):
    """The HMAC already keyed with the day's salt: each key only copies it (on the hot path)."""
    return hmac.new(salt, digestmod=hashlib.sha256)


def cache_key(key):
    return f"visits:visit:{key}"


def memo_of(day):
    """This process's keys and visits of the day, emptied as the day changes or they grow."""
    if _known["day"] != day or len(_known["keys"]) > KNOWN_MOST:
        _known.update(day=day, visits={}, keys={})
    return _known


def known_today(day):
    return memo_of(day)["visits"]


def find_or_start(key, day, landing_of):
    """(the key's visit today, True if it starts with this view): the shared cache decides, so
    a visit's first view is counted once however many hosts its pages come from. `landing_of()`
    gives the visit this view would start."""
    known = known_today(day)
    if key in known:
        return known[key], False
    started, visit = True, landing_of()
    try:
        if not cache.add(cache_key(key), tuple(visit), timeout=VISIT_SECONDS):
            stored = cache.get(cache_key(key))
            started, visit = False, Visit(*stored) if stored else visit
    except Exception:
        log_store_unavailable(logger, "Visit store unavailable; counting this process's visits")
    known[key] = visit
    return visit, started


def visit_of(request):
    """The visit this request belongs to today, or None (a bot, or its pages never counted)."""
    day = clinic_today()
    try:
        key = visitor_key(request, day)
        visit = known_today(day).get(key) or cache.get(cache_key(key))
    except Exception:
        log_store_unavailable(logger, "Visit store unavailable; a request is not credited")
        return None
    return Visit(*visit) if visit else None


def forget():
    """Forget the keys this process has seen (tests; a day's change does it by itself)."""
    _known.update(day=None, visits={}, keys={})
