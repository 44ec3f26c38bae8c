"""Consultation requests held on this host's disk while the database can't be reached.

A request is written here, and on the disk (SQLite with synchronous=FULL: the commit returns
once the write-ahead log is fsync'd), before the patient sees the thanks page, so it survives a
SIGKILL of gunicorn and a power cut. drain.py stores it when the database is back. An SQLite
file of its own, from the standard library: a transaction, fsync and one writer at a time
across the host's processes, without a server that could be down too (Redis keeps nothing on
disk). The folder is the site user's alone (0700), the file and its journal too (0600);
nothing here is ever logged.
"""

import contextlib
import json
import sqlite3
import stat
import time
from pathlib import Path

from django.conf import settings


class HoldFailed(Exception):
    """The request could not be kept on this host (disk full, read-only, missing)."""


def spool_path():
    return Path(settings.HELD_REQUESTS_DIR) / "held-requests.sqlite3"


def _connect():
    path = spool_path()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.parent.chmod(0o700)
    database = sqlite3.connect(path, timeout=30, isolation_level=None)
    # By name, never by opening the file: closing any other descriptor of it would drop the
    # locks this process's SQLite connections hold (POSIX locks are per process), and two
    # threads' writes could then overwrite each other.
    for file in (path, path.with_name(f"{path.name}-wal"), path.with_name(f"{path.name}-shm")):
        with contextlib.suppress(FileNotFoundError):
            if stat.S_IMODE(file.stat().st_mode) != 0o600:
                file.chmod(0o600)
    database.execute("PRAGMA journal_mode=WAL")
    database.execute("PRAGMA synchronous=FULL")
    database.execute(
        "CREATE TABLE IF NOT EXISTS held (key TEXT PRIMARY KEY, held_at REAL NOT NULL, "
        "phone TEXT NOT NULL, whatsapp TEXT NOT NULL, created_at TEXT NOT NULL, "
        "payload TEXT NOT NULL)"
    )
    return database


def _open_existing():
    """The spool if this host ever held a request, else None (nothing to read or change)."""
    return _connect() if spool_path().exists() else None


def hold(key, fields):
    """Keep one request: `fields` are its model fields as JSON values; `key` its submission
    key, so the same form sent twice is held once. HoldFailed when the disk can't take it."""
    try:
        database = _connect()
        try:
            # The same form sent again is held once; any other constraint fails loudly.
            database.execute(
                "INSERT INTO held VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING",
                (
                    key,
                    time.time(),
                    fields["phone"],
                    fields["whatsapp"],
                    fields["created_at"],
                    json.dumps(fields),
                ),
            )
        finally:
            database.close()
    except (OSError, sqlite3.Error) as error:
        raise HoldFailed(f"{type(error).__name__}: {error}") from error


def oldest_first(limit):
    """[(key, fields)] of the requests held longest, oldest first."""
    database = _open_existing()
    if database is None:
        return []
    try:
        rows = database.execute(
            "SELECT key, payload FROM held ORDER BY held_at, key LIMIT ?", (limit,)
        ).fetchall()
    finally:
        database.close()
    return [(key, json.loads(payload)) for key, payload in rows]


def release(key):
    """Forget a request once the database has it."""
    _delete("DELETE FROM held WHERE key = ?", (key,))


def summary():
    """(how many are held, seconds the oldest has waited or None)."""
    database = _open_existing()
    if database is None:
        return 0, None
    try:
        count, oldest = database.execute("SELECT COUNT(*), MIN(held_at) FROM held").fetchone()
    finally:
        database.close()
    return count, (None if oldest is None else time.time() - oldest)


def can_hold():
    """Whether this host could keep a request now (its folder writable, the spool usable)."""
    try:
        database = _connect()
        try:
            database.execute("BEGIN IMMEDIATE")
            database.execute("ROLLBACK")
        finally:
            database.close()
    except (OSError, sqlite3.Error):
        return False
    return True


def for_number(number):
    """The held requests whose phone or WhatsApp is this E.164 number (a patient's copy)."""
    database = _open_existing()
    if database is None:
        return []
    try:
        rows = database.execute(
            "SELECT payload FROM held WHERE phone = ? OR whatsapp = ? ORDER BY held_at",
            (number, number),
        ).fetchall()
    finally:
        database.close()
    return [json.loads(payload) for (payload,) in rows]


def forget_number(number):
    """Delete the held requests of this number (an erasure); returns how many."""
    return _delete("DELETE FROM held WHERE phone = ? OR whatsapp = ?", (number, number))


def forget_received_before(moment):
    """Delete the held requests received before this moment (the retention purge)."""
    return _delete("DELETE FROM held WHERE created_at < ?", (moment.isoformat(),))


def _delete(statement, parameters):
    database = _open_existing()
    if database is None:
        return 0
    try:
        return database.execute(statement, parameters).rowcount
    finally:
        database.close()


def health():
    """The health check's line (ground/views.py): how many are held, the oldest's age, and
    whether this host can still hold requests, which keeps it in the load balancer."""
    try:
        count, oldest = summary()
    except (OSError, sqlite3.Error):
        count, oldest = "unknown", None  # a full disk can keep SQLite from opening the spool
    age = f", oldest {oldest:.0f} s" if oldest is not None else ""
    writable = can_hold()
    line = f"held requests: {count}{age}" + ("" if writable else " (the disk can't hold more)")
    return line, writable
