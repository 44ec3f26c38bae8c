from django.core.management.base import BaseCommand

from consultations import held
from consultations.drain import drain as drain_held


class Command(BaseCommand):
    help = (
        "How many consultation requests this host holds while the database was unreachable, "
        "and how long the oldest has waited (never who sent them). --drain stores them now; "
        "every server process does so by itself once the database is back."
    )

    def add_arguments(self, parser):
        parser.add_argument("--drain", action="store_true", help="Store the held requests now.")

    def handle(self, *args, drain=False, **options):
        if drain:
            stored, left = drain_held()
            self.stdout.write(f"Stored {stored} held request(s); {left} left.")
            return
        count, oldest = held.summary()
        if aside := held.set_aside_count():
            self.stdout.write(
                f"{aside} request(s) set aside: they could not be stored (the log says why); "
                "a patient's copy, erasure and the retention purge still reach them."
            )
        if not count:
            self.stdout.write("No request is held on this host.")
            return
        self.stdout.write(
            f"{count} request(s) held on this host, the oldest for {oldest:.0f} s "
            f"({held.spool_path()})."
        )
