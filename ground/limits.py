"""Counting what each client does in the shared cache, per window (rate limits), failing open.

Kept as our own rather than django-ratelimit, which counts the same way (cache add, then incr)
and so inherits whatever the cache's incr does under concurrency; ours counts a client by the
address the trusted proxies vouch for (and an IPv6 client by its /64), and logs a cache outage
once a minute instead of once per request.
"""

import logging
import time

from django.core.cache import cache

from ground.client import client_ip, client_key

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


def current_window(window):
    """The number of the current counting window, and the seconds left until the next one."""
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
