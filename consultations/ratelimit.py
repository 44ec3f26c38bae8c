"""Counting consultation attempts per client, in the cache every server process shares."""

import hashlib
import ipaddress
import logging
import time

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)


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


def client_key(ip):
    if ip is None:
        return "unknown"
    # An IPv6 subscriber gets a whole /64, so one person could otherwise rotate addresses.
    network = ipaddress.ip_network(f"{ip}/64", strict=False) if ip.version == 6 else ip
    return hashlib.sha256(str(network).encode()).hexdigest()[:32]


def current_window():
    """The number of the current counting window, and the seconds left until the next one."""
    window = settings.CONSULTATION_RATE_WINDOW_SECONDS
    now = time.time()
    return int(now // window), max(1, int(window - now % window))


def count(request, counter):
    """Count one more event of this kind by this client in the current window; return the count.

    Two counters: "attempts" (every form sent, for the hard limit against floods) and "accepted"
    (valid requests only, for the soft limit, so a patient's typing mistakes never count).
    Returns 0 when the cache is unavailable: a patient's request matters more than a limit.
    """
    window_number, _ = current_window()
    key = f"consult-{counter}:{client_key(client_ip(request))}:{window_number}"
    try:
        cache.add(key, 0, timeout=settings.CONSULTATION_RATE_WINDOW_SECONDS)
        return cache.incr(key)
    except Exception:
        logger.exception("Rate limit store unavailable; the %s were not counted", counter)
        return 0
