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
from collections import Counter, defaultdict

from django.conf import settings
from django.db import IntegrityError, connections, transaction
from django.db.models import F

from ground.hours import clinic_today
from ground.limits import log_store_unavailable
from visits.models import LandingDay, LeftOutDay, PageDay, ReferrerDay
from visits.salt import purge_before

logger = logging.getLogger(__name__)

MODELS = {model.__name__: model for model in (LandingDay, PageDay, ReferrerDay, LeftOutDay)}
MAX_KEYS = 50_000
_lock = threading.Lock()
# {(model name, ((field, value), …)): Counter({field: amount})}
_buffer = defaultdict(Counter)
_flusher = {"pid": None}


def add(model, keys, **amounts):
    """Count `amounts` more on the row of `model` with these key fields (a dict)."""
    row = (model.__name__, tuple(keys.items()))
    with _lock:
        if row in _buffer or len(_buffer) < MAX_KEYS:
            _buffer[row].update(amounts)


def take():
    global _buffer
    with _lock:
        taken, _buffer = _buffer, defaultdict(Counter)
    return taken


def put_back(rows):
    with _lock:
        for row, amounts in rows.items():
            if row in _buffer or len(_buffer) < MAX_KEYS:
                _buffer[row].update(amounts)


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
            name, keys = row
            add_to_row(MODELS[name], dict(keys), dict(amounts))
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
