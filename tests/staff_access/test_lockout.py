"""Guessing a staff password is stopped: per account, per address, the same for everyone."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone

from audit.models import AccessEvent
from staff_access.models import RefusedSignIns
from tests.factories import (
    make_authenticator,
    make_front_desk_user,
    make_superuser,
    sign_in,
    submit_password,
)
from tests.html import parse

pytestmark = pytest.mark.django_db

RIGHT = "front-desk-pass-123"
WRONG = "not-the-password-1"
LOCKED = 429
Action = AccessEvent.Action
OWNER_PASSWORD = "owner-pass-123456"
OFFICE = "198.51.100.77"
HOME = "203.0.113.80"


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


def test_passing_the_second_factor_starts_the_accounts_count_again(client):
    device = make_authenticator(make_front_desk_user())
    fail(client, 5)
    sign_in(client, "desk", device)
    client.logout()

    fifth_after = fail(client, 5)[-1]

    assert fifth_after.status_code == 200


def test_the_password_alone_does_not_clear_the_accounts_failures(client):
    make_authenticator(make_front_desk_user())
    fail(client, 5)
    submit_password(client, "desk", RIGHT)  # the password step only, no code
    client.logout()

    sixth = fail(client, 1)[0]

    assert sixth.status_code == LOCKED


def test_a_colleagues_sign_in_from_the_same_address_keeps_the_failures_against_another_account(
    client,
):
    make_superuser(password=OWNER_PASSWORD)
    make_authenticator(make_front_desk_user())
    for _round in range(3):
        fail(client, 5, username="owner")
        submit_password(client, "desk", RIGHT)
        client.logout()

    response = submit_password(client, "owner", OWNER_PASSWORD)

    assert response.status_code == LOCKED
    assert not signed_in(response)


def test_a_right_password_from_a_locked_address_does_not_count_against_the_account(client):
    make_front_desk_user()
    for number in range(6):  # a scanner behind the office's shared address
        submit_password(client, f"scan{number}", WRONG, address=OFFICE)

    at_the_office = [submit_password(client, "desk", RIGHT, address=OFFICE) for _ in range(8)]
    from_home = submit_password(client, "desk", RIGHT, address=HOME)

    assert {response.status_code for response in at_the_office} == {LOCKED}
    assert signed_in(from_home)


def test_tries_while_locked_are_counted_not_stored_one_by_one(client):
    for number in range(6):
        submit_password(client, f"scan{number}", WRONG, address=OFFICE)
    trail_before = AccessEvent.objects.count()
    attempts_before = list(
        AccessAttempt.objects.values_list("pk", "post_data", "failures_since_start")
    )

    for number in range(40):
        submit_password(client, f"scan-{number}", WRONG, address=OFFICE)

    assert AccessEvent.objects.count() - trail_before <= 1
    assert (
        list(AccessAttempt.objects.values_list("pk", "post_data", "failures_since_start"))
        == attempts_before
    )
    assert RefusedSignIns.objects.get().tries == 40


def test_a_username_longer_than_any_account_gets_the_sign_in_page_again(client):
    response = submit_password(client, "u" * 300, WRONG)

    assert response.status_code == 200
    assert "Please enter the correct username and password" in response.content.decode()


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


def test_failure_records_are_deleted_after_their_retention_and_sign_ins_are_kept(settings):
    settings.STAFF_SIGN_IN_RECORDS_DAYS = 90
    now = timezone.now()
    old, recent = now - timedelta(days=91), now - timedelta(days=89)
    for action in (Action.SIGN_IN_FAILED, Action.SIGN_IN_REFUSED, Action.WRONG_CODE):
        AccessEvent.objects.create(action=action, username="scan", created_at=old)
        AccessEvent.objects.create(action=action, username="scan", created_at=recent)
    AccessEvent.objects.create(action=Action.SIGNED_IN, username="desk", created_at=old)
    RefusedSignIns.objects.create(address="198.51.100.77", first_at=old, last_at=old)
    RefusedSignIns.objects.create(address="198.51.100.77", first_at=recent, last_at=recent)

    call_command("purge_sign_in_records", stdout=StringIO())

    assert set(AccessEvent.objects.values_list("action", "created_at")) == {
        (Action.SIGN_IN_FAILED, recent),
        (Action.SIGN_IN_REFUSED, recent),
        (Action.WRONG_CODE, recent),
        (Action.SIGNED_IN, old),
    }
    assert list(RefusedSignIns.objects.values_list("last_at", flat=True)) == [recent]
