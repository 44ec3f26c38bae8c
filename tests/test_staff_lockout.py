"""Guessing a staff password is stopped: per account, per address, the same for everyone."""

import re
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.db.models import F

from tests.factories import make_front_desk_user, submit_password
from tests.html import parse

pytestmark = pytest.mark.django_db

RIGHT = "front-desk-pass-123"
WRONG = "not-the-password-1"
LOCKED = 429


def fail(client, times, username="desk", address="203.0.113.5", **extra):
    return [submit_password(client, username, WRONG, address, **extra) for _ in range(times)]


def signed_in(response):
    return response.status_code == 302 and "_auth_user_id" in response.wsgi_request.session


def test_five_wrong_passwords_in_a_row_still_let_the_right_one_in(client):
    make_front_desk_user()
    fail(client, 5)

    response = submit_password(client, "desk", RIGHT)

    assert signed_in(response)


def test_the_sixth_wrong_password_locks_the_account(client):
    make_front_desk_user()

    *earlier, sixth = fail(client, 6)

    assert [r.status_code for r in earlier] == [200] * 5
    assert sixth.status_code == LOCKED
    assert "Signing in is paused" in sixth.content.decode()


def test_a_locked_account_refuses_even_the_right_password(client):
    make_front_desk_user()
    fail(client, 6)

    response = submit_password(client, "desk", RIGHT)

    assert response.status_code == LOCKED
    assert "_auth_user_id" not in client.session


def test_the_account_lock_holds_from_another_address(client):
    make_front_desk_user()
    fail(client, 6, address="203.0.113.5")

    response = submit_password(client, "desk", RIGHT, address="198.51.100.20")

    assert response.status_code == LOCKED


def test_a_right_password_starts_the_count_again(client):
    make_front_desk_user()
    fail(client, 5)
    submit_password(client, "desk", RIGHT)
    client.logout()

    fifth_after = fail(client, 5)[-1]

    assert fifth_after.status_code == 200


def test_axes_reset_username_lifts_the_lock(client):
    make_front_desk_user()
    fail(client, 6)

    call_command("axes_reset_username", "desk", verbosity=0)

    assert signed_in(submit_password(client, "desk", RIGHT))


def test_the_lock_lifts_by_itself_after_the_cool_off_time(client, settings):
    make_front_desk_user()
    fail(client, 6)

    # As if the documented time had passed since the failures.
    AccessAttempt.objects.update(
        attempt_time=F("attempt_time") - settings.AXES_COOLOFF_TIME - timedelta(seconds=1)
    )

    assert signed_in(submit_password(client, "desk", RIGHT))


def test_many_usernames_from_one_address_lock_that_address(client):
    make_front_desk_user()
    for name in ("admin", "root", "reception", "doctor", "owner"):
        submit_password(client, name, WRONG, address="203.0.113.66")

    sixth = submit_password(client, "manager", WRONG, address="203.0.113.66")
    real_user_there = submit_password(client, "desk", RIGHT, address="203.0.113.66")
    real_user_elsewhere = submit_password(client, "desk", RIGHT, address="198.51.100.20")

    assert sixth.status_code == LOCKED
    assert real_user_there.status_code == LOCKED
    assert signed_in(real_user_elsewhere)


def test_axes_reset_ip_lifts_an_address_lock(client):
    make_front_desk_user()
    for number in range(6):
        submit_password(client, f"guess{number}", WRONG, address="203.0.113.66")

    call_command("axes_reset_ip", "203.0.113.66", verbosity=0)

    assert signed_in(submit_password(client, "desk", RIGHT, address="203.0.113.66"))


def test_a_made_up_forwarded_for_header_does_not_dodge_the_address_lock(client, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for number in range(5):
        fail(client, 1, username=f"guess{number}", HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")

    sixth = fail(client, 1, username="guess5", HTTP_X_FORWARDED_FOR="192.0.2.99")[0]

    assert sixth.status_code == LOCKED


def test_behind_a_trusted_proxy_the_lock_is_on_the_forwarded_client(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    make_front_desk_user()
    proxy = "10.0.0.1"
    for number in range(6):
        submit_password(client, f"guess{number}", WRONG, proxy, HTTP_X_FORWARDED_FOR="198.51.100.7")

    colleague = submit_password(client, "desk", RIGHT, proxy, HTTP_X_FORWARDED_FOR="198.51.100.8")
    attacker = submit_password(client, "desk", RIGHT, proxy, HTTP_X_FORWARDED_FOR="198.51.100.7")

    assert signed_in(colleague)
    assert attacker.status_code == LOCKED


def comparable(response, username):
    """The page as the visitor sees it, without the per-response CSRF token and their own typing."""
    html = response.content.decode().replace(username, "USERNAME")
    return response.status_code, re.sub(r'value="[A-Za-z0-9]{64}"', 'value="TOKEN"', html)


def test_unknown_and_known_usernames_get_identical_answers_before_and_after_the_lock(client):
    make_front_desk_user(username="reception7")

    known = [comparable(r, "reception7") for r in fail(client, 7, "reception7", "203.0.113.5")]
    unknown = [comparable(r, "nobody42x") for r in fail(client, 7, "nobody42x", "198.51.100.20")]

    assert known == unknown
    assert [status for status, _ in known] == [200] * 5 + [LOCKED] * 2


def test_the_locked_out_page_is_friendly_and_names_no_account(client, settings):
    settings.AXES_COOLOFF_TIME = timedelta(minutes=30)
    make_front_desk_user(username="reception7")

    response = fail(client, 6, username="reception7")[-1]

    page = parse(response)
    assert page.h1_count == 1
    assert "try again in 30 minutes" in page.text
    assert "ask the clinic’s administrator" in page.text
    assert "reception7" not in response.content.decode()
