import os
import time

from django.core.management.base import BaseCommand
from django.db import connection

from backups import restore


class Command(BaseCommand):
    help = (
        "Restore the newest backup this site signed (or FILE: a name in the backup storage, or "
        "a path to a copy of one), then do what every restore needs: migrate, clear the cache, "
        "sessions and calendar feeds, erase again every patient erased since, purge expired "
        "requests. Stop the site first. An encrypted backup's passphrase comes from the file "
        "BACKUP_GPG_PASSPHRASE_FILE names (or BACKUP_GPG_PASSPHRASE), else it is asked for."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="The backup to restore (default: the newest).")
        parser.add_argument(
            "--noinput", "--no-input", action="store_false", dest="interactive",
            help="Restore without asking anything (a script's way).",
        )  # fmt: skip
        parser.add_argument(
            "--older-than-ledger", action="store_true",
            help="Restore a backup older than the erasure ledger covers; the erasures it can't "
            "make again are listed, to be made by hand.",
        )  # fmt: skip

    def handle(self, *args, file=None, interactive=True, older_than_ledger=False, **options):
        started = time.monotonic()
        chosen = restore.choose(file)
        ledger = restore.read_ledger()
        lost = restore.older_than_ledger(chosen, older_than_ledger)
        self.stdout.write(f"Backup: {chosen.describe()}.")
        for line in lost:
            self.stdout.write(self.style.WARNING(line))
        if interactive and not self.confirm(chosen.name):
            self.stdout.write("Nothing restored.")
            return
        encrypted = ".gpg" in chosen.name
        passphrase = restore.passphrase(chosen.name, interactive) if encrypted else None
        path = file if file and os.sep in file else None
        with restore.verified_copy(chosen, path) as copy:
            restore.restore(copy, passphrase=passphrase)
        self.stdout.write(f"Restored {chosen.name}.")
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
