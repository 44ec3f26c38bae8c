"""Small builders for test data: sensible defaults, override what the test is about."""

import time

from django.contrib.auth.models import Group, User
from django.core import signing
from django.utils import timezone

from consultations.forms import TIMESTAMP_SALT
from consultations.models import ConsultationRequest


def rendered_seconds_ago(seconds):
    return signing.TimestampSigner(salt=TIMESTAMP_SALT).sign(str(time.time() - seconds))


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


def login_staff(client, user):
    """Sign a staff user in to the admin through the test client, as far as the admin requires."""
    client.force_login(user)
    return client


# Access trail and patients' rights


def make_superuser(username="owner", password="owner-pass-123456"):
    return User.objects.create_superuser(username=username, password=password, email="")
