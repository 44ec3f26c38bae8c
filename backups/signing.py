"""Every backup signed with a key that is not in the backup storage (BACKUP_SIGNING_KEY).

Whoever can write to the storage could put a file there that restores their own superuser; GPG
encryption authenticates nothing (anyone may encrypt to the clinic's public key). So `dbbackup`
writes, beside each backup, a record of its name, size, SHA-256 digest and the time it was
taken, with an HMAC-SHA256 of them under the key; `restore_backup` chooses among the signed ones
only, by the signed time, and restores a file only if its digest is the one signed.
"""

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone

FOLDER = "signatures"
CHUNK = 1 << 20


class SigningError(Exception):
    pass


@dataclass(frozen=True)
class Signed:
    name: str
    size: int
    sha256: str
    taken_at: datetime

    def describe(self):
        return (
            f"{self.name}, taken {timezone.localtime(self.taken_at):%Y-%m-%d %H:%M:%S %Z}, "
            f"{self.size:,} bytes, SHA-256 {self.sha256}"
        )


def now():
    return timezone.now()


def require_key():
    """SigningError when there is no key to sign or check backups with."""
    _key()


def _key():
    if not settings.BACKUP_SIGNING_KEY:
        raise SigningError(
            "BACKUP_SIGNING_KEY is not set: backups can't be signed or checked. Set it (or "
            "BACKUP_SIGNING_KEY_FILE) to a long random value kept off the backup storage"
        )
    return settings.BACKUP_SIGNING_KEY.encode()


def _mac(fields):
    message = json.dumps(fields, sort_keys=True).encode()
    return hmac.new(_key(), message, hashlib.sha256).hexdigest()


def digest(file):
    """(SHA-256 hex digest, size) of a file object, read from its start."""
    file.seek(0)
    sha, size = hashlib.sha256(), 0
    while chunk := file.read(CHUNK):
        sha.update(chunk)
        size += len(chunk)
    file.seek(0)
    return sha.hexdigest(), size


def _where(name):
    return f"{FOLDER}/{name}.json"


def sign(storage, name, sha256, size):
    """Write the signed record of the backup `name` (a Django storage's name)."""
    fields = {"name": name, "size": size, "sha256": sha256, "taken_at": now().isoformat()}
    record = {**fields, "mac": _mac(fields)}
    if storage.exists(_where(name)):
        storage.delete(_where(name))
    storage.save(_where(name), ContentFile(json.dumps(record).encode()))


def delete(storage, name):
    if storage.exists(_where(name)):
        storage.delete(_where(name))


def _checked(storage, file_name):
    """The Signed of one record file, or None when it is not this key's, or not for its file."""
    try:
        with storage.open(f"{FOLDER}/{file_name}") as file:
            record = json.load(file)
        fields = {key: record[key] for key in ("name", "size", "sha256", "taken_at")}
        valid = hmac.compare_digest(record["mac"], _mac(fields))
    except (KeyError, TypeError, ValueError):
        return None
    if not valid or file_name != f"{fields['name']}.json":
        return None
    return Signed(
        fields["name"], fields["size"], fields["sha256"], datetime.fromisoformat(fields["taken_at"])
    )


def signed_backups(storage):
    """Every backup this key signed whose file is still there, oldest first."""
    _key()
    try:
        names = storage.listdir(FOLDER)[1]
    except FileNotFoundError:
        names = []
    found = (_checked(storage, name) for name in names if name.endswith(".json"))
    return sorted(
        (s for s in found if s is not None and storage.exists(s.name)),
        key=lambda s: s.taken_at,
    )


def signature_of(storage, name):
    """The Signed of this backup; SigningError when there is no valid signature for it."""
    _key()
    if storage.exists(_where(name)) and (signed := _checked(storage, f"{name}.json")):
        return signed
    raise SigningError(
        f"{name} is not signed with this site's BACKUP_SIGNING_KEY: it was not made by this "
        "site's `dbbackup` (or its signature was changed), and is not restored"
    )
