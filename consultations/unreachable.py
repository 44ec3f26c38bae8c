"""Whether a database error means the database can't be reached, and saying so in the log.

Only then is a request held on the host's disk: a refused or lost connection, a server shutting
down or not yet accepting connections, an SQLite file that can't be opened. Any other error (a
bad value, a constraint) behaves as it always did.
"""

import logging
import time

from django.db import InterfaceError, OperationalError

logger = logging.getLogger(__name__)

# PostgreSQL: connection exceptions (class 08), the server shutting down (57P01, 57P02) or not
# yet taking connections (57P03).
UNREACHABLE_STATES = ("08", "57P01", "57P02", "57P03")
SQLITE_UNREACHABLE = ("unable to open database file", "disk I/O error")
WAITING_WARNING_SECONDS = 300
WARN_EVERY_SECONDS = 60

_outage = {"since": None, "warned_at": None}


def database_unreachable(error):
    if isinstance(error, InterfaceError):  # the connection is already gone
        return True
    if not isinstance(error, OperationalError):
        return False
    cause = error.__cause__
    state = getattr(cause, "sqlstate", None)
    if state:
        return state.startswith(UNREACHABLE_STATES)
    if type(cause).__module__.startswith("psycopg"):
        return True  # no server answered at all: refused, lost, timed out
    return any(message in str(cause) for message in SQLITE_UNREACHABLE)


def log_outage_started(held_now):
    """Once per outage and process: the database went away, requests are being held."""
    if _outage["since"] is None:
        _outage["since"] = time.monotonic()
        logger.error(
            "The database can't be reached: consultation requests are held on this host "
            "(%d held) and stored when it is back",
            held_now,
        )


def database_reached():
    """A request was stored: whatever outage this process saw is over (the next is logged)."""
    _outage["since"] = None


def log_outage_ended(stored, seconds):
    if stored:
        logger.warning(
            "The database is back: %d held consultation request(s) stored, the last %.1f s "
            "after the first",
            stored,
            seconds,
        )
    _outage["since"] = None


def warn_while_waiting(count, oldest_seconds):
    """A warning (at most once a minute) while a request has waited more than five minutes."""
    if count and oldest_seconds is not None and oldest_seconds > WAITING_WARNING_SECONDS:
        now = time.monotonic()
        if _outage["warned_at"] is None or now - _outage["warned_at"] >= WARN_EVERY_SECONDS:
            _outage["warned_at"] = now
            logger.warning(
                "%d consultation request(s) held on this host, the oldest for %d s: the "
                "database is still unreachable",
                count,
                oldest_seconds,
            )
