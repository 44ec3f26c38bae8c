"""Counts added up in this process, then added to the database's daily rows every few seconds.

A page view costs a dictionary update under a lock; a thread in each server process (started by
clinic_site/wsgi.py, like the held-requests drainer) adds what was counted to the database with
UPDATE … SET n = n + k, inserting the row when it is missing, so the counts of every process on
every host add up and none overwrites another's. A process that stops cleanly adds its last
counts on the way out; a host killed outright loses at most the last VISITS_FLUSH_SECONDS of its
own counts. While the database is away the counts wait here (up to MAX_KEYS rows).
"""

import atexit
import logging
import os
import threading
import time

from django.conf import settings
from django.db import IntegrityError, connections, transaction
from django.db.models import F

from ground.hours import clinic_today
from ground.limits import log_store_unavailable
from visits.models import LandingDay, LeftOutDay, PageDay, ReferrerDay
from visits.salt import purge_before

logger = logging.getLogger(__name__)

# Each model's key fields and counted fields, in the order add() is given their values.
FIELDS = {
    LandingDay: (
        ("day", "landing_path", "language", "utm_source", "utm_medium", "utm_campaign"),
        ("visitors", "views"),
    ),
    PageDay: (("day", "path", "language"), ("views",)),
    ReferrerDay: (("day", "host"), ("visits",)),
    LeftOutDay: (("day", "reason"), ("views",)),
}
MAX_KEYS = 50_000
_lock = threading.Lock()
# {(model, (key values…)): [amounts…]}: plain tuples and lists, this is on every page's path.
_buffer = {}
_flusher = {"pid": None}


def add(model, key, *amounts):
    """Count `amounts` (FIELDS' counted fields) more on the row of `model` with `key` (the
    values of its key fields, in FIELDS' order)."""
    add_rows((model, key, amounts))


def add_rows(*rows):
    """add() for each (model, key, amounts), under one turn of the lock (a view's counts)."""
    with _lock:
        for model, key, amounts in rows:
            row = (model, key)
            counts = _buffer.get(row)
            if counts is not None:
                for index, amount in enumerate(amounts):
                    counts[index] += amount
            elif len(_buffer) < MAX_KEYS:
                _buffer[row] = list(amounts)


def take():
    global _buffer
    with _lock:
        taken, _buffer = _buffer, {}
    return taken


def put_back(rows):
    for (model, key), amounts in rows.items():
        add(model, key, *amounts)


def add_to_row(model, keys, amounts):
    """UPDATE … SET n = n + k; INSERT when missing; UPDATE again if another process inserted it
    first (the unique constraint is the referee, on SQLite and PostgreSQL alike)."""
    increments = {field: F(field) + amount for field, amount in amounts.items()}
    if model.objects.filter(**keys).update(**increments):
        return
    try:
        with transaction.atomic():
            model.objects.create(**keys, **amounts)
    except IntegrityError:
        model.objects.filter(**keys).update(**increments)


def flush():
    """Add every count waiting in this process to the database; return how many rows."""
    rows = take()
    done = set()
    try:
        for row, amounts in rows.items():
            model, key = row
            key_fields, counted_fields = FIELDS[model]
            keys = dict(zip(key_fields, key, strict=True))
            add_to_row(model, keys, dict(zip(counted_fields, amounts, strict=True)))
            done.add(row)
    except Exception:
        put_back({row: amounts for row, amounts in rows.items() if row not in done})
        raise
    return len(done)


def flush_forever():
    while True:
        time.sleep(settings.VISITS_FLUSH_SECONDS)
        try:
            purge_before(clinic_today())
            flush()
        except Exception:
            log_store_unavailable(logger, "Visit counts not stored yet; trying again")
        finally:
            connections.close_all()


def flush_at_exit():
    try:
        flush()
    except Exception:
        logger.exception("Visit counts lost at exit")


def start_flusher():
    """Start this process's flusher thread (once per process, also after a fork)."""
    if not settings.VISITS_COUNT or _flusher["pid"] == os.getpid():
        return
    _flusher["pid"] = os.getpid()
    take()  # what a parent counted before the fork is the parent's to store
    threading.Thread(target=flush_forever, name="visit-counts-flusher", daemon=True).start()
    atexit.register(flush_at_exit)
