"""Backups, and the ledger's records, are kept BACKUP_RETENTION_DAYS (the privacy page says so)."""

from datetime import datetime, timedelta

from dbbackup import utils
from django.conf import settings
from django.utils import timezone

from backups import ledger, signing


def _taken_at(name):
    # django-dbbackup writes the time into the name, on this process's clock (Django's TIME_ZONE).
    return utils.filename_to_date(name) or datetime.min


def delete_expired(storage):
    """Delete the backups and ledger records older than the retention; never the newest backup.

    Returns (backups deleted, records deleted).
    """
    days = settings.BACKUP_RETENTION_DAYS
    names = storage.list_backups(content_type="db")
    newest = max(names, key=_taken_at, default=None)
    cutoff = datetime.now() - timedelta(days=days)
    expired = [name for name in names if name != newest and _taken_at(name) < cutoff]
    for name in expired:
        storage.delete_file(name)
        if storage.storage.exists(f"{name}.metadata"):
            storage.delete_file(f"{name}.metadata")
        signing.delete(storage.storage, name)
    records = ledger.prune(timezone.now() - timedelta(days=days))
    return len(expired), records
