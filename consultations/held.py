"""Consultation requests held on this host's disk while the database can't be reached.

A request is written here, and on the disk (SQLite with synchronous=FULL: the commit returns
once the write-ahead log is fsync'd), before the patient sees the thanks page, so it survives a
SIGKILL of gunicorn and a power cut. drain.py stores it when the database is back. An SQLite
file of its own, from the standard library: a transaction, fsync and one writer at a time
across the host's processes, without a server that could be down too (Redis keeps nothing on
disk). The folder is the site user's alone (0700), the file and its journal too (0600);
nothing here is ever logged, and a deleted request is overwritten with zeros (secure_delete).

Each request names the database it was meant for (`database_identity`): two sites started from
one checkout share the folder, and each drains only its own. A request that can't be stored is
set aside, not retried (`set_aside`): one bad row must not stop the rest.
"""

import contextlib
import hashlib
import json
import sqlite3
import stat
import time
from pathlib import Path

from django.conf import settings
from django.db import connections


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
    # Debian builds SQLite with this on; other builds leave deleted requests in the file.
    database.execute("PRAGMA secure_delete=ON")
    database.execute(
        "CREATE TABLE IF NOT EXISTS held (key TEXT PRIMARY KEY, held_at REAL NOT NULL, "
        "phone TEXT NOT NULL, whatsapp TEXT NOT NULL, created_at TEXT NOT NULL, "
        "payload TEXT NOT NULL, database TEXT NOT NULL DEFAULT '', set_aside TEXT)"
    )
    columns = {row[1] for row in database.execute("PRAGMA table_info(held)")}
    if "database" not in columns:
        # A spool from before requests named their database: the first site to open it adopts
        # them (one site per folder, as docs/operations.md says, makes that the right one).
        database.execute(
            "ALTER TABLE held ADD COLUMN database TEXT NOT NULL "
            f"DEFAULT '{database_identity()}'"  # hex digits: nothing to quote
        )
        database.execute("ALTER TABLE held ADD COLUMN set_aside TEXT")
    return database


def database_identity(database=None):
    """Which database this site stores requests in: a digest of its engine, name, host and
    port (never its password), the same in every process of the site."""
    database = database or connections["default"].settings_dict
    parts = [str(database.get(name) or "") for name in ("ENGINE", "NAME", "HOST", "PORT")]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]


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
                "INSERT INTO held (key, held_at, phone, whatsapp, created_at, payload, database) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING",
                (
                    key,
                    time.time(),
                    fields["phone"],
                    fields["whatsapp"],
                    fields["created_at"],
                    json.dumps(fields),
                    database_identity(),
                ),
            )
        finally:
            database.close()
    except (OSError, sqlite3.Error) as error:
        raise HoldFailed(f"{type(error).__name__}: {error}") from error


def oldest_first(limit):
    """[(key, fields)] of the requests held longest for this site's database, oldest first."""
    database = _open_existing()
    if database is None:
        return []
    try:
        rows = database.execute(
            "SELECT key, payload FROM held WHERE database = ? AND set_aside IS NULL "
            "ORDER BY held_at, key LIMIT ?",
            (database_identity(), limit),
        ).fetchall()
    finally:
        database.close()
    return [(key, _parsed(payload)) for key, payload in rows]


def _parsed(payload):
    """The held fields, or None when the row is not what hold() writes (drain.py sets it aside)."""
    try:
        fields = json.loads(payload)
    except ValueError:
        return None
    numbers = isinstance(fields, dict) and [fields.get(name) for name in ("phone", "whatsapp")]
    return fields if numbers and all(isinstance(number, str) for number in numbers) else None


def release(key):
    """Forget a request once the database has it."""
    _change("DELETE FROM held WHERE key = ?", (key,))


def set_aside(key, reason):
    """Keep a request that can't be stored out of the drain (reason: the error's kind alone);
    it stays for the patient's copy, erasure and the retention purge, until deleted."""
    _change("UPDATE held SET set_aside = ? WHERE key = ?", (reason, key))


def set_aside_count():
    database = _open_existing()
    if database is None:
        return 0
    try:
        query = "SELECT COUNT(*) FROM held WHERE database = ? AND set_aside IS NOT NULL"
        return database.execute(query, (database_identity(),)).fetchone()[0]
    finally:
        database.close()


def summary():
    """(how many wait for this site's database, seconds the oldest has waited or None)."""
    database = _open_existing()
    if database is None:
        return 0, None
    try:
        count, oldest = database.execute(
            "SELECT COUNT(*), MIN(held_at) FROM held WHERE database = ? AND set_aside IS NULL",
            (database_identity(),),
        ).fetchone()
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
    """This site's held requests whose phone or WhatsApp is this E.164 number (a patient's
    copy), set aside or not."""
    database = _open_existing()
    if database is None:
        return []
    try:
        rows = database.execute(
            "SELECT payload FROM held WHERE (phone = ? OR whatsapp = ?) AND database = ? "
            "ORDER BY held_at",
            (number, number, database_identity()),
        ).fetchall()
    finally:
        database.close()
    return [fields for (payload,) in rows if (fields := _parsed(payload)) is not None]


def forget_number(number):
    """Delete the held requests of this number (an erasure); returns how many."""
    return _change("DELETE FROM held WHERE phone = ? OR whatsapp = ?", (number, number))


def forget_received_before(moment):
    """Delete the held requests received before this moment (the retention purge)."""
    return _change("DELETE FROM held WHERE created_at < ?", (moment.isoformat(),))


def _change(statement, parameters):
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
        aside = set_aside_count()
    except (OSError, sqlite3.Error):
        count, oldest, aside = "unknown", None, 0  # a full disk can keep SQLite from opening it
    age = f", oldest {oldest:.0f} s" if oldest is not None else ""
    aside = f", set aside {aside} (see held_requests)" if aside else ""
    writable = can_hold()
    line = f"held requests: {count}{age}{aside}"
    line += "" if writable else " (the disk can't hold more)"
    return line, writable
