"""The password step and signing out, from Django's own auth signals.

The sign-in itself is recorded when the second factor passes (two_factor.py); failed and refused
passwords by the lockout's handler (lockout.py).
"""

import time

from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver

from audit.trail import Action, record
from staff_access.two_factor import PASSWORD_STEP_SESSION_KEY


@receiver(user_logged_in, dispatch_uid="staff-access-password-step")
def password_step_passed(sender, request, user, **kwargs):
    # When the password was typed in this session: setting up an app needs it to be recent.
    if request is not None and hasattr(request, "session"):
        request.session[PASSWORD_STEP_SESSION_KEY] = time.time()


@receiver(user_logged_out, dispatch_uid="staff-access-signed-out")
def signed_out(sender, request, user, **kwargs):
    if user is not None:
        # request.user is already anonymous here: name the user who signed out.
        record(None, Action.SIGNED_OUT, user=user)
