"""A lost or replaced phone: `reset_two_factor` removes the person's authenticator app and ends
every session they have open, at once and on the access trail."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.models import AccessEvent
from tests.factories import login_staff, make_front_desk_user, submit_password

pytestmark = pytest.mark.django_db

ENROL_URL = reverse("staff_access:enrol")
ADMIN_INDEX = reverse("admin:index")


@pytest.fixture
def desk():
    return make_front_desk_user()


def send_code(client, code, url):
    return client.post(url, {"code": code, "next": ADMIN_INDEX})


def reset(username):
    call_command("reset_two_factor", username, stdout=StringIO())


def test_reset_two_factor_ends_every_session_of_that_person_at_once(desk):
    phone, laptop, colleague = Client(), Client(), Client()
    login_staff(phone, desk)
    login_staff(laptop, desk)
    login_staff(colleague, make_front_desk_user(username="desk2"))

    reset("desk")

    for client in (phone, laptop):
        assert client.get(ADMIN_INDEX)["Location"].startswith(reverse("admin:login"))
        assert "_auth_user_id" not in client.session
    assert colleague.get(ADMIN_INDEX).status_code == 200


def test_a_reset_is_on_the_access_trail(desk):
    login_staff(Client(), desk)

    reset("desk")

    event = AccessEvent.objects.get(action=AccessEvent.Action.TWO_FACTOR_RESET)
    assert (event.user, event.username) == (desk, "desk")
    assert event.detail == {"devices_removed": 1, "sessions_ended": 1}


def test_after_a_reset_the_old_session_cannot_set_up_a_new_app(client, desk):
    login_staff(client, desk)

    reset("desk")
    set_up = client.get(ENROL_URL)
    confirm = send_code(client, "123456", ENROL_URL)

    assert set_up["Location"] == reverse("admin:login")
    assert confirm["Location"] == reverse("admin:login")
    assert not TOTPDevice.objects.filter(user=desk).exists()


def test_after_a_reset_the_next_sign_in_sets_up_an_app_with_the_password(client, desk):
    login_staff(client, desk)
    reset("desk")

    submit_password(client, "desk")
    response = client.get(ADMIN_INDEX, follow=True)

    assert response.request["PATH_INFO"] == ENROL_URL
    assert "manual_key" in response.context


def test_reset_two_factor_names_an_unknown_user():
    with pytest.raises(CommandError, match="There is no user 'ghost'"):
        call_command("reset_two_factor", "ghost")
