"""Whether the shared cache, where the spam limits are counted, can actually be used."""

from django.core import checks

from ground.cache import cache_problem


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
