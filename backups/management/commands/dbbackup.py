from dbbackup import settings as dbbackup_settings
from dbbackup.management.commands import dbbackup
from dbbackup.storage import get_storage
from django.conf import settings
from django.core.management.base import CommandError

from backups import retention, signing


class Command(dbbackup.Command):
    help = (
        "django-dbbackup's backup, with the clinic's rules: encrypted (GPG) whenever "
        "BACKUP_GPG_RECIPIENT is set, signed with BACKUP_SIGNING_KEY (restore_backup restores "
        "nothing else), and backups and erasure records older than "
        "BACKUP_RETENTION_DAYS deleted afterwards. Run it nightly; any option of django-dbbackup's "
        "own command works."
    )

    def handle(self, **options):
        try:  # no key, no backup: an unsigned one could never be restored
            signing.require_key()
        except signing.SigningError as error:
            raise CommandError(f"{error}. No backup was taken.") from None
        if dbbackup_settings.GPG_RECIPIENT:  # DBBACKUP_GPG_RECIPIENT, as django-dbbackup read it
            options["encrypt"] = True
        super().handle(**options)
        backups, records = retention.delete_expired(get_storage())
        if not options["quiet"]:
            self.stdout.write(
                f"Deleted {backups} backup(s) and {records} erasure record(s) older than "
                f"{settings.BACKUP_RETENTION_DAYS} days."
            )

    def write_to_storage(self, file, path):
        """Each backup signed as it is stored (its .metadata, which restore ignores, is not)."""
        sha256, size = signing.digest(file)
        super().write_to_storage(file, path)
        if not path.endswith(".metadata"):
            signing.sign(self.storage.storage, path, sha256, size)
