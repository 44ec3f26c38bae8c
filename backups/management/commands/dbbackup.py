from dbbackup import settings as dbbackup_settings
from dbbackup.management.commands import dbbackup
from dbbackup.storage import get_storage
from django.conf import settings

from backups import retention


class Command(dbbackup.Command):
    help = (
        "django-dbbackup's backup, with the clinic's rules: encrypted (GPG) whenever "
        "BACKUP_GPG_RECIPIENT is set, and backups and erasure records older than "
        "BACKUP_RETENTION_DAYS deleted afterwards. Run it nightly; any option of django-dbbackup's "
        "own command works."
    )

    def handle(self, **options):
        if dbbackup_settings.GPG_RECIPIENT:  # DBBACKUP_GPG_RECIPIENT, as django-dbbackup read it
            options["encrypt"] = True
        super().handle(**options)
        backups, records = retention.delete_expired(get_storage())
        if not options["quiet"]:
            self.stdout.write(
                f"Deleted {backups} backup(s) and {records} erasure record(s) older than "
                f"{settings.BACKUP_RETENTION_DAYS} days."
            )
