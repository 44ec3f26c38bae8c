"""Sign-ins, sign-outs and failed sign-ins, from Django's own auth signals."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from audit.trail import Action, record


@receiver(user_logged_in, dispatch_uid="audit-signed-in")
def signed_in(sender, request, user, **kwargs):
    record(request, Action.SIGNED_IN, user=user)


@receiver(user_logged_out, dispatch_uid="audit-signed-out")
def signed_out(sender, request, user, **kwargs):
    if user is not None:
        # request.user is already anonymous here: name the user who signed out.
        record(None, Action.SIGNED_OUT, user=user)


@receiver(user_login_failed, dispatch_uid="audit-sign-in-failed")
def sign_in_failed(sender, credentials, request=None, **kwargs):
    # Django has already masked the password in `credentials`; only the typed name is kept.
    record(request, Action.SIGN_IN_FAILED, username=str(credentials.get("username", "")))
