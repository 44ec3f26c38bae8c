"""Restoring a backup: django-dbbackup's restore, then what every restore needs after it."""

from dbbackup.storage import StorageError, get_storage
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.base import CommandError
from django.dispatch import Signal

from backups import ledger

# Sent after every restore with `ledger` (backups.ledger.Ledger). Each app whose rows a restore
# may bring back against a patient's wishes registers a receiver (consultations re-erases and
# purges); each returns the lines to print. A receiver's exception stops the restore, loudly.
restored = Signal()


def newest_backup():
    try:
        return get_storage().get_latest_backup(content_type="db")
    except (StorageError, FileNotFoundError):
        storage = settings.STORAGES["dbbackup"]
        where = storage["OPTIONS"].get("location") or storage["BACKEND"]
        raise CommandError(f"No backup to restore in {where}.") from None


def read_ledger():
    """The ledger, or a CommandError that stops the restore before anything changed."""
    try:
        found = ledger.read()
    except ledger.LedgerError as error:
        raise CommandError(f"{error}. Nothing was restored.") from None
    if unmatched := found.unmatched():
        raise CommandError(
            f"{len(unmatched)} erasure(s) in the ledger were recorded under a key this site no "
            "longer has, so they could not be made again after the restore. Put the key that was "
            "ERASURE_LEDGER_KEY then in ERASURE_LEDGER_OLD_KEYS and run this again. Nothing was "
            f"restored. The records: {', '.join(e.name for e in unmatched)}."
        )
    return found


def restore(name, *, passphrase=None):
    """Put the database back as it was in this backup (a name in the storage, or a path)."""
    options = {
        "interactive": False,
        "quiet": True,
        "decrypt": ".gpg" in name,
        "uncompress": ".gz" in name,
        "passphrase": passphrase,
    }
    location = {"input_path": name} if "/" in name else {"input_filename": name}
    try:
        call_command("dbrestore", **options, **location)
    except CommandError:
        raise
    except Exception as error:
        raise CommandError(f"{name} was not restored: {error}") from error


def after_restore(found_ledger):
    """Everything a restored database needs before the site uses it; returns what was done."""
    call_command("migrate", interactive=False, verbosity=0)  # a backup of an older release
    caches["default"].clear()
    sessions = Session.objects.all().delete()[0]
    lines = [
        "Migrated to this release.",
        "Cleared the cache (rate counts, double-click claims of requests the restore undid).",
        f"Ended {sessions} session(s): staff sign in again (a session ended since the backup "
        "must not start again).",
    ]
    for _, response in restored.send(sender=after_restore, ledger=found_ledger):
        lines.extend(response)
    return lines
