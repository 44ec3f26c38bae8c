from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from staff_access.two_factor import reset_two_factor


class Command(BaseCommand):
    help = (
        "For a lost or replaced phone: remove a staff member's authenticator app and recovery "
        "codes. Their open sessions lose admin access, and their next sign-in sets up an app "
        "again."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist:
            raise CommandError(f"There is no user {username!r}.") from None
        count = reset_two_factor(user)
        self.stdout.write(
            self.style.SUCCESS(
                f"Removed {count} sign-in device(s) of {username}: they will set up an "
                "authenticator app at their next sign-in."
            )
        )
