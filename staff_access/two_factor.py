"""The second factor: an authenticator app (TOTP) for every staff account, recovery codes for
a lost phone. Devices are django-otp's; this module holds the clinic's rules around them."""

import base64
import time
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.models import update_last_login
from django.contrib.sessions.models import Session
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_otp import devices_for_user, verify_token
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.trail import Action, record
from staff_access import lockout
from staff_access.access_ended import access_ended
from staff_access.models import RecoveryCodeNumber

RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"
# When the password was typed in this session (staff_access/signals.py). Setting up an app
# needs it within ENROLMENT_MINUTES: a session left at the set-up page, or one that outlived a
# reset, can't be used to add somebody else's phone.
PASSWORD_STEP_SESSION_KEY = "staff_access_password_at"  # noqa: S105 (a key, not a password)
ENROLMENT_MINUTES = 15


def needs_second_factor(user):
    return user.is_authenticated and user.is_active and user.is_staff and not user.is_verified()


def has_authenticator(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def second_factor_url(user, next_url=""):
    name = "staff_access:verify" if has_authenticator(user) else "staff_access:enrol"
    url = reverse(name)
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def password_typed_recently(request):
    typed_at = request.session.get(PASSWORD_STEP_SESSION_KEY)
    return typed_at is not None and time.time() - typed_at < ENROLMENT_MINUTES * 60


def pending_device(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=False).first()


def enrolment_device(user):
    """The app being set up: kept until confirmed, so a reload shows the same QR code."""
    return pending_device(user) or TOTPDevice.objects.create(
        user=user, name=APP_DEVICE_NAME, confirmed=False
    )


def manual_key(device):
    """The secret as an app asks for it when typed in: base32, in groups of four."""
    secret = base64.b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device):
    image = qrcode.make(
        device.config_url,
        image_factory=qrcode.image.svg.SvgPathFillImage,
        border=4,  # the quiet zone the QR standard asks for, so every phone reads it
    )
    return image.to_string(encoding="unicode")


def normalised(code):
    return "".join(code.split()).replace("-", "").lower()


def is_app_code(code):
    return code.isdigit() and len(code) == 6


def throttled(device):
    allowed, _ = device.verify_is_allowed()
    return not allowed


def confirm_enrolment(request, device, code):
    """Confirm the app with a code from it; then the session is verified and fresh recovery
    codes are returned, to be shown once. Returns None when the code is wrong."""
    if not verify_token(request.user, device.persistent_id, normalised(code)):
        record(request, Action.WRONG_CODE, setting_up=True)
        return None
    with transaction.atomic():
        device.refresh_from_db()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = issue_recovery_codes(request.user)
    sign_in_second_factor(request, device, "app")
    return codes


def issue_recovery_codes(user):
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    tokens = StaticToken.objects.bulk_create(
        StaticToken(device=device, token=code) for code in codes
    )
    RecoveryCodeNumber.objects.bulk_create(
        RecoveryCodeNumber(token=token, number=number) for number, token in enumerate(tokens, 1)
    )
    return codes


def device_for_code(user, code):
    """Six digits are the app's code; anything else can only be a recovery code."""
    model = TOTPDevice if is_app_code(code) else StaticDevice
    return model.objects.devices_for_user(user, confirmed=True).first()


def check_code(request, code):
    """Verify the session with an app code or a recovery code (used up by this).

    Returns "ok", "wrong" or "throttled" (django-otp doubles the wait after each wrong code).
    """
    code = normalised(code)
    device = device_for_code(request.user, code)
    if device is not None and throttled(device):
        return "throttled"
    # Which of the ten, read before django-otp deletes a recovery code as it is used.
    number = recovery_code_number(device, code) if isinstance(device, StaticDevice) else None
    if device is None or not verify_token(request.user, device.persistent_id, code):
        record(request, Action.WRONG_CODE)
        return "wrong"
    if isinstance(device, StaticDevice):
        left = device.token_set.count()
        record(request, Action.RECOVERY_CODE_USED, code_number=number, codes_left=left)
        sign_in_second_factor(request, device, "recovery code")
    else:
        sign_in_second_factor(request, device, "app")
    return "ok"


def recovery_code_number(device, code):
    found = RecoveryCodeNumber.objects.filter(token__device=device, token__token=code).first()
    return found.number if found else None


def sign_in_second_factor(request, device, second_factor):
    otp_login(request, device)
    # The session now carries more rights than before: give it a new key.
    request.session.cycle_key()
    lockout.signed_in(request, request.user)
    # Django sets last_login at the password (staff_access.apps stops it): the admin's users
    # list would show a sign-in for someone who never passed the code.
    update_last_login(None, request.user)
    record(request, Action.SIGNED_IN, second_factor=second_factor)


def reset_two_factor(user):
    """Remove every device and end every session of this person: the next sign-in asks for the
    password, then sets up an app again. Returns (devices removed, sessions ended)."""
    devices = list(devices_for_user(user, confirmed=None))
    for device in devices:
        device.delete()
    sessions = end_sessions(user)
    access_ended.send(sender=type(user), user=user)
    record(
        None,
        Action.TWO_FACTOR_RESET,
        user=user,
        devices_removed=len(devices),
        sessions_ended=sessions,
    )
    return len(devices), sessions


def end_sessions(user):
    """Delete every session signed in as this user (sessions live in the database)."""
    user_id = str(user.pk)
    ended = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if str(session.get_decoded().get(SESSION_KEY)) == user_id
    ]
    Session.objects.filter(pk__in=ended).delete()
    return len(ended)
