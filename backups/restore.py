"""Restoring a backup: django-dbbackup's restore, then what every restore needs after it."""

import os
import shutil
import tempfile
from contextlib import contextmanager
from getpass import getpass

from dbbackup import settings as dbbackup_settings
from dbbackup.storage import get_storage
from dbbackup.utils import DecryptionError
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.base import CommandError
from django.dispatch import Signal
from django.utils import timezone

from backups import ledger, signing

# Sent after every restore with `ledger` (backups.ledger.Ledger). Each app whose rows a restore
# may bring back against a patient's wishes registers a receiver (consultations re-erases and
# purges); each returns the lines to print. A receiver's exception stops the restore, loudly.
restored = Signal()


def _where():
    storage = settings.STORAGES["dbbackup"]
    return storage["OPTIONS"].get("location") or storage["BACKEND"]


def choose(name=None):
    """The backup to restore (signing.Signed): the one named (in the storage, or a path to a
    copy of one), or the newest by the time signed; never one this site did not sign."""
    storage = get_storage().storage
    try:
        if name:
            return signing.signature_of(storage, os.path.basename(name))
        signed = signing.signed_backups(storage)
    except signing.SigningError as error:
        raise CommandError(f"{error}. Nothing was restored.") from None
    if not signed:
        raise CommandError(f"No backup signed by this site to restore in {_where()}.")
    return signed[-1]


@contextmanager
def verified_copy(signed, path=None):
    """A private copy of the backup, restored only if it is byte for byte the one signed (read
    once: what is checked is what is restored)."""
    with tempfile.TemporaryDirectory(dir=dbbackup_settings.TMP_DIR) as folder:
        copy = os.path.join(folder, signed.name)  # .gpg and .gz in the name say what to undo
        source = open(path, "rb") if path else get_storage().storage.open(signed.name, "rb")  # noqa: SIM115
        with source, open(copy, "wb") as target:
            shutil.copyfileobj(source, target)
        with open(copy, "rb") as file:
            sha256, size = signing.digest(file)
        if (sha256, size) != (signed.sha256, signed.size):
            raise CommandError(
                f"{signed.name} was altered since it was signed: it has {size:,} bytes, SHA-256 "
                f"{sha256}; signed were {signed.size:,} bytes, SHA-256 {signed.sha256}. Nothing "
                "was restored."
            )
        yield copy


def older_than_ledger(signed, restore_anyway=False):
    """The erasures a restore of this backup cannot make again (lines to print); a CommandError
    unless told to restore anyway, when the ledger no longer holds every erasure since it."""
    try:
        since = ledger.covered_since()
    except ledger.LedgerError as error:
        raise CommandError(f"{error}. Nothing was restored.") from None
    if since is None or signed.taken_at >= since:
        return []
    taken = f"{timezone.localtime(signed.taken_at):%Y-%m-%d %H:%M}"
    lost = (
        f"Erasures made from {taken} to {timezone.localtime(since):%Y-%m-%d %H:%M} are no longer "
        "in the erasure ledger and cannot be made again: a patient erased then comes back with "
        "this backup. Erase them again by hand (manage.py patient_data erase NUMBER)."
    )
    if not restore_anyway:
        raise CommandError(
            f"{signed.name} was taken {taken}, older than the erasure ledger covers. {lost} To "
            "restore it all the same, run this again with --older-than-ledger. Nothing was "
            "restored."
        )
    return [lost]


def passphrase(name, interactive):
    """The GPG key's passphrase: from the file BACKUP_GPG_PASSPHRASE_FILE names or the variable
    BACKUP_GPG_PASSPHRASE, else asked for (never with --noinput); never on the command line."""
    if path := os.environ.get("BACKUP_GPG_PASSPHRASE_FILE"):
        try:
            with open(path) as file:
                return file.read().rstrip("\n")
        except OSError as error:
            raise CommandError(f"BACKUP_GPG_PASSPHRASE_FILE can't be read: {error}") from None
    if given := os.environ.get("BACKUP_GPG_PASSPHRASE"):
        return given
    if interactive:
        return getpass("Passphrase of the clinic's backup key (GPG): ") or None
    raise CommandError(
        f"{name} is encrypted, and with --noinput nothing is asked: put the passphrase of the "
        "clinic's backup key in a file only this user can read and name it in "
        "BACKUP_GPG_PASSPHRASE_FILE (or set BACKUP_GPG_PASSPHRASE). Nothing was restored."
    )


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


def restore(path, *, passphrase=None):
    """Put the database back as it was in this backup (a verified_copy's path)."""
    name = os.path.basename(path)
    options = {
        "interactive": False,
        "quiet": True,
        "decrypt": ".gpg" in name,
        "uncompress": ".gz" in name,
        "passphrase": passphrase,
    }
    try:
        call_command("dbrestore", input_path=path, **options)
    except CommandError:
        raise
    except DecryptionError as error:
        raise CommandError(
            f"{name} could not be decrypted ({error}): is the clinic's private backup key in this "
            "user's GnuPG keyring (GNUPGHOME), and is the passphrase given the key's? Nothing "
            "was restored."
        ) from error
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
