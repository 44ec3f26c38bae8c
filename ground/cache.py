"""The cache every server process shares: limits and double-click claims are counted there.

With no Redis the database keeps it (the embedded default). Django's database cache reads a
count and writes it back in two statements, so two processes counting at once could both
write the same number: CountingDatabaseCache makes each count a step of its own.
"""

import uuid

from django.core.cache import cache
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction


class CountingDatabaseCache(DatabaseCache):
    """Django's database cache, whose incr() counts every call, however many come at once."""

    def __init__(self, table, params):
        super().__init__(table, params)
        self.table_name = table

    def incr(self, key, delta=1, version=None):
        database = router.db_for_write(self.cache_model_class)
        connection = connections[database]
        with transaction.atomic(using=database):
            # SQLite's IMMEDIATE transactions hold the write lock from here on; PostgreSQL
            # locks the one row, so the read below and the write after it are one step.
            if connection.vendor != "sqlite":
                with connection.cursor() as cursor:
                    cursor.execute(
                        f"SELECT cache_key FROM {connection.ops.quote_name(self.table_name)} "  # noqa: S608
                        "WHERE cache_key = %s FOR UPDATE",
                        [self.make_and_validate_key(key, version=version)],
                    )
            return super().incr(key, delta, version)


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
