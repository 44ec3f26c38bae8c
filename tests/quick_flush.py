"""After each transactional test, pytest-django empties every table with Django's flush: on
PostgreSQL one TRUNCATE of them all, which gives each of the hundred tables and their indexes new
files, 0.3 s a test. By then they hold a few rows, which DELETE removes in a few milliseconds;
Django's foreign keys on PostgreSQL are checked at the flush's commit, when every table is empty.
Only the tests' own connections (tests/conftest.py), only for a flush that keeps the ids'
sequences as they are (as TransactionTestCase's does)."""

from django.db import connections


def flush_by_delete_on_postgresql():
    for connection in connections.all():
        if connection.vendor == "postgresql":
            connection.ops.sql_flush = flush_by_delete(connection.ops)


def flush_by_delete(ops):
    truncate = ops.sql_flush

    def sql_flush(style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or allow_cascade:
            return truncate(
                style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
            )
        # The table names are Django's own (its introspection), quoted.
        return [f"DELETE FROM {ops.quote_name(table)};" for table in tables]  # noqa: S608

    return sql_flush
