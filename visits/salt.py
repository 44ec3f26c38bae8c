"""The day's random salt that visitor keys are made with, shared by every host, soon deleted.

It lives only in the shared cache (Redis in production: outside the database and its backups),
made by whichever process first needs it on a Dubai day, and deleted once the next day has
begun: by the process that makes the next day's salt, and by every process's flusher as the day
changes (visits/tally.py), so without any cron a salt is gone within seconds of the day's end,
at most 48 hours after it was made even on a host that saw no request. Once it is gone,
nobody, the clinic included, can tell whether an address and browser made one of that day's
visits.
"""

import logging
import secrets
from datetime import timedelta

from django.core.cache import cache

from ground.limits import log_store_unavailable

logger = logging.getLogger(__name__)

# A salt is kept for a day and a half at most even if nobody deletes it (the cache expires it).
SALT_SECONDS = 36 * 3600
# The days before today whose salts are deleted (a host down for a day still finds yesterday's).
DAYS_PURGED = 7
_memo = {"day": None, "salt": None, "purged": None}


def cache_key(day):
    return f"visits:salt:{day:%Y-%m-%d}"


def salt_of(day):
    """Today's salt (bytes): this process's copy, or the shared one, made if nobody made it."""
    if _memo["day"] == day:
        return _memo["salt"]
    salt = shared_salt(day)
    _memo.update(day=day, salt=salt)
    purge_before(day)
    return salt


def shared_salt(day):
    made = secrets.token_hex(32)
    try:
        if cache.add(cache_key(day), made, timeout=SALT_SECONDS):
            return bytes.fromhex(made)
        return bytes.fromhex(cache.get(cache_key(day)) or made)
    except Exception:
        # Counting goes on with this process's own salt: the day's visitors may be counted
        # once per process until the cache is back, never stored by address.
        log_store_unavailable(logger, "Visit salt store unavailable; counting with a local salt")
        return bytes.fromhex(made)


def purge_before(day):
    """Delete the salts of the days before `day` (once per process and day)."""
    if _memo["purged"] == day:
        return
    try:
        cache.delete_many([cache_key(day - timedelta(days=n)) for n in range(1, DAYS_PURGED + 1)])
        _memo["purged"] = day
    except Exception:
        log_store_unavailable(logger, "Visit salt store unavailable; old salts not deleted yet")


def forget():
    """Forget this process's copy (tests; a day's change does it by itself)."""
    _memo.update(day=None, salt=None, purged=None)
