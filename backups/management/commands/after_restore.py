from django.core.management.base import BaseCommand

from backups import restore


class Command(BaseCommand):
    help = (
        "What every restore needs before the site uses the database: migrate, clear the cache "
        "and sessions, erase again every patient erased since, purge expired requests. "
        "`restore_backup` runs it itself; run it after a point-in-time recovery (pgBackRest)."
    )

    def handle(self, *args, **options):
        for line in restore.after_restore(restore.read_ledger()):
            self.stdout.write(line)
