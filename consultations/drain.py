"""Storing the requests held on this host (held.py) once the database is back, by themselves.

Each server process starts a drainer thread with the site (clinic_site/wsgi.py: gunicorn's
workers and `runserver` alike), so no process, timer or command has to be remembered, and a
host that died holding requests drains them when it starts again. One process per host drains
at a time (a lock on a file beside the spool, released by the system if the process dies);
requests go in order of arrival, at most HELD_REQUESTS_PER_SECOND so a database that has just
come back is not flooded, each with its original time, language, page, campaign and spam
verdict, once: its submission key is unique, so a drain cut short and begun again, or two at
once, store nothing twice. The staff email goes after each is stored. A request is built from
the held fields alone (HELD_FIELDS: never an `id` or a staff note from the file), and one that
can't be stored is set aside and logged, so the others still go in.
"""

import fcntl
import logging
import os
import threading
import time
from contextlib import contextmanager
from datetime import datetime

from django.conf import settings
from django.db import (
    DatabaseError,
    DataError,
    IntegrityError,
    close_old_connections,
    connections,
    transaction,
)

from backups import ledger
from consultations import held
from consultations.models import ConsultationRequest
from consultations.submission import DATE_FIELDS, HELD_FIELDS, is_resubmission, store
from consultations.unreachable import (
    database_unreachable,
    log_outage_ended,
    warn_while_waiting,
)

logger = logging.getLogger(__name__)

BATCH = 50
UNSTORABLE = (IntegrityError, DataError)
IDLE_SECONDS = 2
_drainer = {"pid": None}


@contextmanager
def drain_lock():
    """True inside while this process is the host's drainer; False when another one is."""
    path = held.spool_path().with_name("drain.lock")
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with open(path, "a") as lock_file:
        try:
            fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)


def request_from(fields):
    values = {name: fields[name] for name in HELD_FIELDS if name in fields}
    for name in DATE_FIELDS:
        values[name] = datetime.fromisoformat(values[name])
    return ConsultationRequest(**values)


def store_held(key, fields, erasures):
    """Store one held request; True if it was stored, False if it was not needed."""
    consultation = request_from(fields)
    if erased_since(consultation, erasures) or is_resubmission(consultation):
        return False
    return store(consultation, str(fields.get("site_url", ""))) is not None


def readable(items):
    """The items held.py could read; the others are set aside before anything reads them."""
    for key, fields in items:
        if fields is None:
            set_aside(key, ValueError())
    return [(key, fields) for key, fields in items if fields is not None]


def set_aside(key, error):
    """One request that can't be stored waits no longer in front of the others."""
    reason = type(error).__name__
    held.set_aside(key, reason)
    # The error's kind alone: its text could quote the patient's answers.
    logger.error("A held consultation request could not be stored and was set aside: %s", reason)


def erased_since(consultation, erasures):
    """Whether the patient had this number erased after the request arrived (another host's
    erasure reaches this host's held requests through the erasure ledger)."""
    return any(
        erased_at > consultation.created_at
        for number, erased_at in erasures
        if number in {str(consultation.phone), str(consultation.whatsapp)}
    )


def _ledger_unreadable_mark():
    """A file beside the spool while the ledger can't be read: every process of the host (and
    /healthz) sees it, and it outlives a restart."""
    return held.spool_path().with_name("ledger-unreadable")


def ledger_erasures(items):
    """The ledger's erasures of these requests' numbers; None while it can't be read: the
    requests wait then, as storing them unchecked could bring an erased patient back."""
    # .get: a row without a number is set aside when stored, not here, in front of the others.
    numbers = {fields.get(name) for _key, fields in items for name in ("phone", "whatsapp")}
    numbers.discard(None)
    mark = _ledger_unreadable_mark()
    try:
        erasures = ledger.read().erasures_of(numbers)
    except ledger.LedgerError as error:
        if not mark.exists():
            mark.touch(mode=0o600)
            logger.error("Held requests are held until the erasure ledger can be read: %s", error)
        return None
    if mark.exists():
        mark.unlink(missing_ok=True)
        logger.warning("The erasure ledger can be read again: storing the held requests")
    return erasures


def ledger_health():
    """/healthz's line: whether held requests wait for the ledger (ground/views.py)."""
    if not _ledger_unreadable_mark().exists():
        return "erasure ledger: ok", False
    return f"erasure ledger: unreadable, {held.summary()[0]} held request(s) wait for it", False


def drain(per_second=None):
    """Store what this host holds, oldest first, until none is left or the database is away.

    Returns (stored, still held). Does nothing while another process of this host drains.
    """
    per_second = per_second or settings.HELD_REQUESTS_PER_SECOND
    stored, started, handled = 0, time.monotonic(), 0
    with drain_lock() as ours:
        if not ours:
            return 0, held.summary()[0]
        try:
            while items := held.oldest_first(BATCH):
                items = readable(items)
                if (erasures := ledger_erasures(items)) is None:
                    break
                for key, fields in items:
                    try:
                        with transaction.atomic():
                            stored += store_held(key, fields, erasures)
                    except (*UNSTORABLE, KeyError, TypeError, ValueError, AttributeError) as error:
                        # The row itself is wrong: trying again can't help. Any other database
                        # error (away, locked, read-only in a failover) ends this pass instead.
                        set_aside(key, error)
                        continue
                    held.release(key)
                    handled += 1
                    # The pace: the next request no sooner than its place in the schedule.
                    time.sleep(max(0, started + handled / per_second - time.monotonic()))
        except DatabaseError as error:
            if not database_unreachable(error):
                raise
        finally:
            close_old_connections()
    left = held.summary()[0]
    if stored and not left:
        log_outage_ended(stored, time.monotonic() - started)
    return stored, left


def drain_forever():
    while True:
        time.sleep(IDLE_SECONDS)
        try:
            count, oldest = held.summary()
            if count:
                warn_while_waiting(count, oldest)
                drain()
        except Exception:
            logger.exception("Draining held consultation requests failed; trying again")
        finally:
            connections.close_all()


def start_drainer():
    """Start this process's drainer thread (once per process, also after a fork)."""
    if not settings.HELD_REQUESTS_DRAIN or _drainer["pid"] == os.getpid():
        return
    _drainer["pid"] = os.getpid()
    threading.Thread(target=drain_forever, name="held-requests-drainer", daemon=True).start()
