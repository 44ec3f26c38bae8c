"""A calendar feed ends with the access it was made under: a second factor reset, a new password,
an account switched off and on again, a restore (which would bring revoked addresses back)."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from booking.feed import new_feed
from booking.models import CalendarFeed
from tests.factories import make_superuser

pytestmark = pytest.mark.django_db(transaction=True)


def reads(client, key):
    return client.get(reverse("booking-feed", args=[key])).status_code


def test_a_feed_ends_when_the_second_factor_is_reset(client):
    user = make_superuser()
    key = new_feed(user)
    assert reads(client, key) == 200

    call_command("reset_two_factor", user.username, stdout=io.StringIO())

    assert reads(client, key) == 404


def test_a_feed_ends_when_the_password_changes(client):
    user = make_superuser()
    key = new_feed(user)

    user.set_password("a-brand-new-password-9876")
    user.save()

    assert reads(client, key) == 404


def test_an_account_switched_off_and_on_again_gets_no_feed_back(client):
    user = make_superuser()
    key = new_feed(user)

    user.is_active = False
    user.save()
    user.is_active = True
    user.save()

    assert reads(client, key) == 404


def test_saving_an_account_otherwise_keeps_its_feed(client):
    user = make_superuser()
    key = new_feed(user)

    user.first_name = "Layla"
    user.save()

    assert reads(client, key) == 200


def test_a_restore_ends_every_feed_even_one_turned_off_since_the_backup(client, backup_dir):
    user = make_superuser()
    key = new_feed(user)
    call_command("dbbackup", "--noinput", "--quiet", stdout=io.StringIO())
    CalendarFeed.objects.filter(user=user).delete()  # turned off after the backup

    out = io.StringIO()
    call_command("restore_backup", "--noinput", stdout=out)

    assert reads(client, key) == 404
    assert not CalendarFeed.objects.exists()
    assert "calendar feed" in out.getvalue()
