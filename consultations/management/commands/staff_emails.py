from django.core.management.base import BaseCommand

from consultations.notifications import send_due, waiting


class Command(BaseCommand):
    help = (
        "How many staff emails of new consultation requests wait to be sent, and since when "
        "(never who sent the requests). --send sends what is due now; every server process "
        "does so by itself every few seconds."
    )

    def add_arguments(self, parser):
        parser.add_argument("--send", action="store_true", help="Send the due staff emails now.")

    def handle(self, *args, send=False, **options):
        if send:
            sent = send_due()
            self.stdout.write(f"Sent {sent} staff email(s); {waiting()[0]} waiting.")
            return
        count, oldest = waiting()
        if not count:
            self.stdout.write("No staff email is waiting.")
            return
        self.stdout.write(
            f"{count} staff email(s) waiting, the oldest since {oldest:%Y-%m-%d %H:%M:%S} UTC."
        )
