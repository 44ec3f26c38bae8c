"""Small builders for test data: sensible defaults, override what the test is about."""

import atexit
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from unittest import mock
from zoneinfo import ZoneInfo

from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from consultations.forms import signed_timestamp
from consultations.models import ConsultationRequest


def rendered_seconds_ago(seconds):
    return signed_timestamp(seconds_ago=seconds)


def form_data(**overrides):
    """What a patient's browser sends: a form shown a minute ago, filled in properly."""
    data = {
        "name": "Layla Hassan",
        "phone": "050 123 4567",
        "whatsapp_same": "on",
        "whatsapp": "",
        "message": "",
        "consent": "on",
        "contact_reference": "",
        "rendered_at": rendered_seconds_ago(60),
        "source_path": "/faq/",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def post_form(client, **answers):
    """A patient sends the consultation form (`form_data` with these answers)."""
    return client.post("/consultation/", form_data(**answers))


def make_request(**kwargs):
    kwargs.setdefault("name", "Omar Khalid")
    kwargs.setdefault("phone", "+971501234567")
    kwargs.setdefault("whatsapp", kwargs["phone"])
    kwargs.setdefault("consent_given_at", timezone.now())
    kwargs.setdefault("fingerprint", "x" * 64)
    return ConsultationRequest.objects.create(**kwargs)


def make_front_desk_user(username="desk", password="front-desk-pass-123"):
    user = User.objects.create_user(username=username, password=password, is_staff=True)
    user.groups.add(Group.objects.get(name="Front desk"))
    return user


def submit_password(
    client, username, password="front-desk-pass-123", address="203.0.113.5", **extra
):
    """The admin's sign-in form sent from a client address (the first of the two steps)."""
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=address,
        **extra,
    )


def sign_in(client, username, device, password="front-desk-pass-123", address="203.0.113.5"):
    """Both steps, as a staff member takes them: the password, then the app's code."""
    submit_password(client, username, password, address)
    return client.post(
        reverse("staff_access:verify"),
        {"code": app_code(device), "next": reverse("admin:index")},
        REMOTE_ADDR=address,
    )


def make_authenticator(user, confirmed=True):
    """The staff member's authenticator app, as django-otp stores it."""
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=confirmed)


def app_code(device, at=None):
    """The six digits the staff member's app shows now (or at the given Unix time)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() if at is None else at
    return f"{totp.token():06d}"


def login_staff(client, user):
    """Sign a staff user in to the admin through the test client, as far as the admin requires:
    password and second factor, the session verified by their app the way django-otp marks it."""
    client.force_login(user)
    device = TOTPDevice.objects.devices_for_user(user).first() or make_authenticator(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


# Access trail and patients' rights


def make_superuser(username="owner", password="owner-pass-123456"):
    return User.objects.create_superuser(username=username, password=password, email="")


# The front desk (frontdesk/)

DUBAI = ZoneInfo("Asia/Dubai")


def dubai(year, month, day, hour=12, minute=0):
    """A moment on the clinic's clock."""
    return datetime(year, month, day, hour, minute, tzinfo=DUBAI)


@contextmanager
def clock_at(moment):
    """The clinic's clock (ground.hours.now) stopped at this moment; sign-in sessions keep
    the real time."""
    with mock.patch("ground.hours.now", return_value=moment):
        yield


def make_contact(consultation, user, outcome, at, **kwargs):
    """Log an outcome as the front desk would, at a given moment."""
    from consultations.lifecycle import log_contact

    with clock_at(at):
        return log_contact(consultation, user, outcome, **kwargs)


# Backups (backups/)


def make_gpg_key(home, passphrase):
    """A throwaway GPG key in its own keyring (GNUPGHOME), as the clinic's backup key would be;
    returns its fingerprint.

    Making a key takes gpg-agent seconds: each passphrase's key is made once per test session and
    its keyring's files copied into `home`, so every test still has a keyring of its own."""
    if passphrase not in _made_keys:
        made_home = tempfile.mkdtemp(prefix="gpg-made-")
        atexit.register(shutil.rmtree, made_home, ignore_errors=True)
        _made_keys[passphrase] = _new_gpg_key(made_home, passphrase)
    made_home, fingerprint = _made_keys[passphrase]
    Path(home).mkdir(mode=0o700, exist_ok=True)
    for name in KEYRING_FILES:
        source = Path(made_home) / name
        if source.is_dir():
            shutil.copytree(source, Path(home) / name, dirs_exist_ok=True)
        elif source.exists():
            shutil.copy2(source, Path(home) / name)
    return fingerprint


# What a keyring is made of; not gpg-agent's sockets, which belong to the home they were made in.
KEYRING_FILES = ("pubring.kbx", "trustdb.gpg", "private-keys-v1.d")
_made_keys = {}  # passphrase: (keyring it was made in, fingerprint)


def _new_gpg_key(home, passphrase):
    gpg = ["gpg", "--homedir", str(home), "--batch", "--pinentry-mode", "loopback"]
    subprocess.run(
        [*gpg, "--passphrase", passphrase, "--quick-gen-key", "Ecla backups (test)",
         "future-default", "default", "never"],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    subprocess.run(["gpgconf", "--homedir", str(home), "--kill", "gpg-agent"], check=False)
    listing = subprocess.run(
        [*gpg, "--with-colons", "--list-secret-keys"], check=True, capture_output=True, text=True
    ).stdout
    subprocess.run(["gpgconf", "--homedir", str(home), "--kill", "gpg-agent"], check=False)
    fingerprints = [line.split(":")[9] for line in listing.splitlines() if line.startswith("fpr:")]
    return home, fingerprints[0]


# Consultation times (booking/)


def make_booking(consultation=None, starts_at=None, **kwargs):
    """A held time for a request (a new one unless given), 30 minutes long."""
    from datetime import timedelta

    from booking.models import Booking

    consultation = consultation or make_request(phone=f"+9715{Booking.objects.count():08d}")
    starts_at = starts_at or dubai(2026, 12, 1, 10, 30)
    kwargs.setdefault("ends_at", starts_at + timedelta(minutes=30))
    kwargs.setdefault("status", "held")
    return Booking.objects.create(request=consultation, starts_at=starts_at, **kwargs)


def picker_url(consultation, language="en"):
    """The link the thanks page gives a stored request."""
    from urllib.parse import urlencode

    from django.utils import translation

    from consultations.references import reference_for

    with translation.override(language):
        return f"{reverse('booking:pick')}?{urlencode({'r': reference_for(consultation)})}"


def choose_time(client, consultation, value, language="en"):
    """The patient sends the picker with a time ("2026-11-30T11:00", Dubai)."""
    from django.utils import translation

    from consultations.references import reference_for

    with translation.override(language):
        url = reverse("booking:pick")
    return client.post(url, {"r": reference_for(consultation), "time": value})
