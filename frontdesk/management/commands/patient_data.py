import getpass
import json

from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder

from backups import ledger
from consultations import patient_data
from frontdesk import patient_copy

TRY_AGAIN = "Make the backup storage writable (BACKUP_DIR or BACKUP_STORAGE), then erase again."


class Command(BaseCommand):
    help = (
        "A patient's rights: `export <number>` prints as JSON everything stored about a phone "
        "or WhatsApp number; `erase <number>` deletes it (after asking, unless --yes)."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "erase"])
        parser.add_argument("number", help="In any form: 050 123 4567, +971501234567, ...")
        parser.add_argument("--yes", action="store_true", help="Erase without asking.")

    def handle(self, *args, action, number, yes=False, **options):
        try:
            number = patient_data.normalise(number)
        except patient_data.NotANumber as error:
            raise CommandError(str(error)) from None
        # The trail names who ran the command: the account on the server.
        ran_by = f"{getpass.getuser()} (manage.py)"
        if action == "export":
            data = patient_copy.export(number, username=ran_by)
            self.stdout.write(json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2))
            return
        count = patient_data.requests_for(number).count()
        if not yes and not self.confirm(number, count):
            self.stdout.write("Nothing erased.")
            return
        try:
            ids = patient_data.erase(number, username=ran_by)
        except ledger.LedgerError as error:
            raise CommandError(f"{error}\nNothing was erased. {TRY_AGAIN}") from None
        self.stdout.write(
            self.style.SUCCESS(f"Erased {len(ids)} consultation request(s) from {number}.")
        )

    def confirm(self, number, count):
        question = (
            f"Erase {count} consultation request(s) from {number} and their traces "
            "in the admin's history and the access trail? This cannot be undone. [y/N] "
        )
        try:
            return input(question).strip().lower() in {"y", "yes"}
        except EOFError:
            return False
