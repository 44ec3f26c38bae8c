from datetime import timedelta

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from audit.models import AccessEvent
from staff_access.models import RefusedSignIns

FAILURE_ACTIONS = (
    AccessEvent.Action.SIGN_IN_FAILED,
    AccessEvent.Action.SIGN_IN_REFUSED,
    AccessEvent.Action.WRONG_CODE,
)


class Command(BaseCommand):
    help = (
        "Delete records of failed and refused staff sign-ins, and django-axes' log of sign-ins, "
        "older than STAFF_SIGN_IN_RECORDS_DAYS. Run it daily beside purge_consultations."
    )

    def handle(self, *args, **options):
        days = settings.STAFF_SIGN_IN_RECORDS_DAYS
        cutoff = timezone.now() - timedelta(days=days)
        events, _ = AccessEvent.objects.filter(
            action__in=FAILURE_ACTIONS, created_at__lt=cutoff
        ).delete()
        refused, _ = RefusedSignIns.objects.filter(last_at__lt=cutoff).delete()
        sign_ins = AxesProxyHandler.reset_logs(age_days=days)
        self.stdout.write(
            self.style.SUCCESS(
                f"Deleted, older than {days} days: {events} failed sign-in record(s) from the "
                f"access trail, {refused} count(s) of refused sign-ins and {sign_ins} "
                "entry(ies) of the sign-in log."
            )
        )
