import time

from django.core.management.base import BaseCommand
from django.db import connection

from backups import restore


class Command(BaseCommand):
    help = (
        "Restore the newest backup (or FILE: a name in the backup storage, or a path), then do "
        "what every restore needs: migrate, clear the cache and sessions, erase again every "
        "patient erased since, purge expired requests. Stop the site first."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="The backup to restore (default: the newest).")
        parser.add_argument("--passphrase", help="Of the GPG key, for an encrypted backup.")
        parser.add_argument(
            "--noinput", "--no-input", action="store_false", dest="interactive",
            help="Restore without asking.",
        )  # fmt: skip

    def handle(self, *args, file=None, passphrase=None, interactive=True, **options):
        started = time.monotonic()
        name = file or restore.newest_backup()
        ledger = restore.read_ledger()
        if interactive and not self.confirm(name):
            self.stdout.write("Nothing restored.")
            return
        restore.restore(name, passphrase=passphrase)
        self.stdout.write(f"Restored {name}.")
        for line in restore.after_restore(ledger):
            self.stdout.write(line)
        self.stdout.write(
            self.style.SUCCESS(f"Restore finished in {time.monotonic() - started:.1f} s.")
        )

    def confirm(self, name):
        question = (
            f"Replace the database {connection.settings_dict['NAME']} with {name}? Everything "
            "stored since that backup is lost. [y/N] "
        )
        try:
            return input(question).strip().lower() in {"y", "yes"}
        except EOFError:
            return False
