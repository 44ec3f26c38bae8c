from django.conf import settings
from django.core.management.base import BaseCommand

from consultations import patient_data
from consultations.models import ConsultationRequest


class Command(BaseCommand):
    help = (
        "Delete consultation requests older than CONSULTATION_RETENTION_DAYS "
        "(the period the privacy page promises), with their names and numbers in the admin's "
        "log and the access trail. Run it daily, e.g. from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say how many would be deleted; delete nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        days = settings.CONSULTATION_RETENTION_DAYS
        expired = ConsultationRequest.objects.older_than(days)
        if dry_run:
            count = expired.count()
            self.stdout.write(
                f"{count} consultation request(s) older than {days} days would be deleted."
            )
            return
        count = patient_data.purge_expired(days)
        self.stdout.write(
            self.style.SUCCESS(f"Deleted {count} consultation request(s) older than {days} days.")
        )
