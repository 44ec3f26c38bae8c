from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from staff_access.two_factor import reset_two_factor


class Command(BaseCommand):
    help = (
        "For a lost or replaced phone: remove a staff member's authenticator app and recovery "
        "codes, and end every session they have open. Their next sign-in asks for the password, "
        "then sets up an app again."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist:
            raise CommandError(f"There is no user {username!r}.") from None
        devices, sessions = reset_two_factor(user)
        self.stdout.write(
            self.style.SUCCESS(
                f"Removed {devices} sign-in device(s) of {username} and ended {sessions} "
                "open session(s): they will sign in with their password and set up an "
                "authenticator app again."
            )
        )
