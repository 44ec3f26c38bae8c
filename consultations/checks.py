"""Whether the shared cache, where the spam limits are counted, can actually be used."""

import uuid

from django.core import checks
from django.core.cache import cache


def cache_problem():
    """None when the cache stores, counts and forgets a value; else what went wrong."""
    key = f"health-probe:{uuid.uuid4().hex}"
    try:
        cache.add(key, 0, timeout=30)
        counted = cache.incr(key)
        cache.delete(key)
    except Exception as error:
        return f"{type(error).__name__}: {error}"
    if counted != 1:
        return f"a count gave {counted!r}, not 1"
    return None


def shared_cache_is_usable(app_configs=None, **kwargs):
    problem = cache_problem()
    if problem is None:
        return []
    return [
        checks.Error(
            f"The cache can't be used ({problem}): consultation requests would get no rate "
            "limit and no double-click guard.",
            hint="Run `manage.py migrate` (it creates the database cache's table), or check "
            "REDIS_URL.",
            id="consultations.E001",
        )
    ]
