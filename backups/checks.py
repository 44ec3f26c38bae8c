"""`check --deploy` on the backups: fails while they can't be made (no folder the site's user can
write, no key to sign or to encrypt to), warns while they or the ledger are weaker than they
should be."""

import os

import gnupg
from dbbackup import settings as dbbackup_settings
from dbbackup.storage import get_storage
from django.conf import settings
from django.core import checks


def keys_of_their_own(app_configs=None, **kwargs):
    found = []
    if not settings.BACKUP_SIGNING_KEY:
        found.append(
            checks.Error(
                "BACKUP_SIGNING_KEY is not set: `dbbackup` takes no backup, and `restore_backup` "
                "restores nothing, without the key that signs them.",
                hint="Set BACKUP_SIGNING_KEY (or BACKUP_SIGNING_KEY_FILE) to a long random value "
                "kept off the backup storage, the same on every host.",
                id="backups.E001",
            )
        )
    if settings.ERASURE_LEDGER_KEY in {"", settings.SECRET_KEY}:
        found.append(
            checks.Warning(
                "ERASURE_LEDGER_KEY is not a key of its own: without one, erasures and restores "
                "are refused; the secret key would let anyone who has it find the erased numbers.",
                hint="Set ERASURE_LEDGER_KEY (or ERASURE_LEDGER_KEY_FILE) to a long random value, "
                "the same on every host; a key used before goes in ERASURE_LEDGER_OLD_KEYS.",
                id="backups.W001",
            )
        )
    return found


def _folder_problem(location):
    if not os.path.isdir(location):
        return f"{location} is not a folder"
    if not os.access(location, os.W_OK | os.X_OK):
        return f"{location} can't be written by this user"
    return None


def backup_target_is_usable(app_configs=None, **kwargs):
    storage = get_storage().storage
    location = getattr(storage, "location", None)
    try:
        problem = _folder_problem(location) if location else None
        if not location:
            storage.listdir("")
    except Exception as error:  # any storage's own error: it can't be reached
        problem = f"{type(storage).__name__} can't be read: {error}"
    found = []
    if problem:
        found.append(
            checks.Error(
                f"The backup storage can't be used ({problem}): backups fail, and every "
                "erasure is refused (its record goes there).",
                hint="Create BACKUP_DIR, owned by the site's user, mode 700 "
                "(docs/operations.md, 'Backups and restore'), or fix BACKUP_STORAGE_OPTIONS.",
                id="backups.E002",
            )
        )
    found.extend(_encryption_problems())
    return found


def _encryption_problems():
    recipient = dbbackup_settings.GPG_RECIPIENT
    if not recipient:
        return [
            checks.Warning(
                "Backups are not encrypted: they hold every patient's request and the staff's "
                "authenticator secrets.",
                hint="Import the clinic's public backup key into the site user's keyring and set "
                "BACKUP_GPG_RECIPIENT to its fingerprint.",
                id="backups.W002",
            )
        ]
    try:
        known = gnupg.GPG().list_keys(keys=[recipient])
    except (OSError, ValueError) as error:
        known, reason = [], f"gpg can't be run: {error}"
    else:
        reason = "it is not in this user's GnuPG keyring"
    if known:
        return []
    return [
        checks.Error(
            f"Backups can't be encrypted to BACKUP_GPG_RECIPIENT {recipient}: {reason}.",
            hint="Import the clinic's public backup key as the site's user (gpg --import), "
            "with the same GNUPGHOME the site runs with.",
            id="backups.E003",
        )
    ]
