"""The erasure ledger: which numbers were erased, and when, kept outside the database.

A restore puts the database back as it was; a patient erased since would come back with it. So
every erasure also leaves one small record in the backup storage (beside the backups: on another
disk or in a bucket, shared by every host that shares the storage). A record holds a keyed hash
of the E.164 number (an HMAC: without the key, hashing every possible number finds nothing) and
the time of the erasure, never the number. After a restore, whoever registered with
`backups.restore.restored` finds their numbers in it and erases them again.

Knows nothing of consultations: a number is any string, erased at a moment.
"""

import json
import os
import secrets
from dataclasses import dataclass
from datetime import datetime

from dbbackup.storage import get_storage
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.crypto import salted_hmac

FOLDER = "erasures"
# Written when records are pruned: the ledger is whole only for erasures from this moment on.
COVERS_SINCE = "erasures-coverage/since.json"
SALT = "backups.ledger"


class LedgerError(Exception):
    pass


@dataclass(frozen=True)
class Erasure:
    name: str
    key_id: str
    digest: str
    erased_at: datetime


def key_id(key):
    """Names a key in the records without revealing it, so a restore knows which key to use."""
    return salted_hmac(f"{SALT}.key-id", "", secret=key, algorithm="sha256").hexdigest()[:16]


def digest(number, key):
    return salted_hmac(SALT, number, secret=key, algorithm="sha256").hexdigest()


def _storage():
    return get_storage().storage


def _where(storage):
    return getattr(storage, "location", None) or type(storage).__name__


def _key():
    if not settings.ERASURE_LEDGER_KEY:
        raise LedgerError(
            "ERASURE_LEDGER_KEY is not set (a long random value of its own, the same on every "
            "host, or ERASURE_LEDGER_KEY_FILE): erasures can't be recorded or found"
        )
    return settings.ERASURE_LEDGER_KEY


def remember(number, erased_at):
    """Write one erasure's record; LedgerError if it can't be (the caller must not erase then)."""
    key = _key()
    record = {"key": key_id(key), "number_hmac": digest(number, key)}
    record["erased_at"] = erased_at.isoformat()
    name = f"{FOLDER}/{erased_at:%Y%m%dT%H%M%S%f}-{secrets.token_hex(4)}.json"
    storage = None
    try:
        storage = _storage()
        saved = storage.save(name, ContentFile(json.dumps(record).encode()))
        _sync(storage, saved)
    except Exception as error:
        where = _where(storage) if storage else "the backup storage"
        raise LedgerError(f"The erasure could not be recorded in {where}: {error}") from error


def _sync(storage, name):
    """On a local disk, the record reaches the disk before the erasure commits."""
    try:
        path = storage.path(name)
    except NotImplementedError:
        return
    for target, flags in ((path, os.O_RDONLY), (os.path.dirname(path), os.O_RDONLY)):
        fd = os.open(target, flags)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class Ledger:
    def __init__(self, erasures):
        self.erasures = erasures
        keys = (_key(), *settings.ERASURE_LEDGER_OLD_KEYS)
        self.keys = {key_id(key): key for key in keys}

    def unmatched(self):
        """Records written under a key this site no longer has: their numbers can't be found."""
        return [e for e in self.erasures if e.key_id not in self.keys]

    def erasures_of(self, numbers):
        """(number, erased_at) for every record of one of these numbers, oldest first."""
        by_digest = {}
        for kid in {e.key_id for e in self.erasures} & self.keys.keys():
            by_digest.update({(kid, digest(n, self.keys[kid])): n for n in numbers})
        return [
            (by_digest[(e.key_id, e.digest)], e.erased_at)
            for e in self.erasures
            if (e.key_id, e.digest) in by_digest
        ]


def read():
    """Every record; LedgerError when the storage can't be read (a restore must not go on)."""
    _key()
    return Ledger(_records())


def _records():
    """The records, oldest first (no key needed: they are read, not matched)."""
    storage = None
    try:
        storage = _storage()
        try:
            names = sorted(storage.listdir(FOLDER)[1])
        except FileNotFoundError:
            names = []
        erasures = []
        for name in names:
            with storage.open(f"{FOLDER}/{name}") as file:
                record = json.load(file)
            erased_at = datetime.fromisoformat(record["erased_at"])
            erasures.append(Erasure(name, record["key"], record["number_hmac"], erased_at))
    except Exception as error:
        where = _where(storage) if storage else "the backup storage"
        raise LedgerError(f"The erasure ledger in {where} could not be read: {error}") from error
    return sorted(erasures, key=lambda e: e.erased_at)


def prune(before):
    """Delete the records of erasures made before this moment; returns how many.

    The ledger then covers erasures from `before` on only (covered_since), which a restore of an
    older backup must know: erasures before it can't be made again."""
    storage = _storage()
    old = [e for e in _records() if e.erased_at < before]
    if old:
        if storage.exists(COVERS_SINCE):
            storage.delete(COVERS_SINCE)
        storage.save(COVERS_SINCE, ContentFile(json.dumps({"since": before.isoformat()}).encode()))
    for erasure in old:
        storage.delete(f"{FOLDER}/{erasure.name}")
    return len(old)


def covered_since():
    """From when the ledger holds every erasure (None: since the first); LedgerError if unread."""
    try:
        storage = _storage()
        if not storage.exists(COVERS_SINCE):
            return None
        with storage.open(COVERS_SINCE) as file:
            return datetime.fromisoformat(json.load(file)["since"])
    except Exception as error:
        raise LedgerError(f"The erasure ledger's coverage could not be read: {error}") from error
