"""The second factor: an authenticator app (TOTP) for every staff account, recovery codes for
a lost phone. Devices are django-otp's; this module holds the clinic's rules around them."""

import base64
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.db import transaction
from django.urls import reverse
from django_otp import devices_for_user, verify_token
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"


def needs_second_factor(user):
    return user.is_authenticated and user.is_active and user.is_staff and not user.is_verified()


def has_authenticator(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def second_factor_url(user, next_url=""):
    name = "staff_access:verify" if has_authenticator(user) else "staff_access:enrol"
    url = reverse(name)
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


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
        return None
    with transaction.atomic():
        device.refresh_from_db()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = issue_recovery_codes(request.user)
    sign_in_second_factor(request, device)
    return codes


def issue_recovery_codes(user):
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
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
    if device is None:
        return "wrong"
    if throttled(device):
        return "throttled"
    if not verify_token(request.user, device.persistent_id, code):
        return "wrong"
    sign_in_second_factor(request, device)
    return "ok"


def sign_in_second_factor(request, device):
    otp_login(request, device)
    # The session now carries more rights than before: give it a new key.
    request.session.cycle_key()


def reset_two_factor(user):
    """Remove every device: sessions verified by them lose access, and the next sign-in
    enrols an app again. Returns how many devices were removed."""
    devices = list(devices_for_user(user, confirmed=None))
    for device in devices:
        device.delete()
    return len(devices)
