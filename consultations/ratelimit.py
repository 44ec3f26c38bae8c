"""Counting requests per client (consultation attempts, CSP reports) in the shared cache."""

import hashlib
import ipaddress
import logging
import time

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

# While the cache is down every request would otherwise log the same failure: at 1,000
# requests/s that buries the log and costs the site its time. Once a minute per process and
# message is enough to see an outage start, go on and end.
STORE_OUTAGE_LOG_SECONDS = 60
_last_logged = {}


def log_store_unavailable(log, message, *args):
    """Log a cache failure (with its traceback) at most once a minute for this message.

    Says how many failures went unlogged since the last line, so the log still shows how many
    requests the outage touched.
    """
    now = time.monotonic()
    logged_at, unlogged = _last_logged.get(message, (None, 0))
    if logged_at is not None and now - logged_at < STORE_OUTAGE_LOG_SECONDS:
        _last_logged[message] = (logged_at, unlogged + 1)
        return
    _last_logged[message] = (now, 0)
    log.exception(message + " (%d more since the last report)", *args, unlogged)


def client_ip(request):
    """The client's address: REMOTE_ADDR, or X-Forwarded-For behind trusted proxies.

    Each trusted proxy appends the address that connected to it, so with N proxies the client is
    the Nth entry from the end. Entries further left were written by the client and are ignored.
    """
    address = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    try:
        return ipaddress.ip_address(address)
    except ValueError:
        return None


def client_network(ip):
    """The unit a client is counted as: its address, or for IPv6 its /64 (as its first address).

    An IPv6 subscriber gets a whole /64, so one person could otherwise rotate addresses.
    """
    if ip.version == 6:
        return ipaddress.ip_network(f"{ip}/64", strict=False).network_address
    return ip


def client_key(ip):
    if ip is None:
        return "unknown"
    return hashlib.sha256(str(client_network(ip)).encode()).hexdigest()[:32]


def current_window(window=None):
    """The number of the current counting window, and the seconds left until the next one."""
    window = window or settings.CONSULTATION_RATE_WINDOW_SECONDS
    now = time.time()
    return int(now // window), max(1, int(window - now % window))


def count_hit(scope, request, window):
    """Count one more event by this client for `scope` in the current window; return the count.

    Returns 0 when the cache is unavailable: the site keeps working without its limits.
    """
    window_number, _ = current_window(window)
    key = f"{scope}:{client_key(client_ip(request))}:{window_number}"
    try:
        cache.add(key, 0, timeout=window)
        return cache.incr(key)
    except Exception:
        log_store_unavailable(logger, "Rate limit store unavailable; %s not counted", scope)
        return 0


def count(request, counter):
    """Count a consultation event by this client: "attempts" or "accepted"; return the count.

    Every form sent counts as an attempt, for the hard limit against floods; only valid requests
    count as accepted, for the soft limit, so a patient's typing mistakes never count.
    """
    return count_hit(f"consult-{counter}", request, settings.CONSULTATION_RATE_WINDOW_SECONDS)
