"""/healthz: the load balancer's 200/503 for anyone, the details for this host or a token."""

import sqlite3

import pytest
from django.db import OperationalError

from consultations import held

TOKEN = "a-long-health-check-token-for-tests"


@pytest.fixture
def unreachable_database(monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("django.db.backends.base.base.BaseDatabaseWrapper.cursor", refuse)


@pytest.fixture
def full_disk(monkeypatch):
    """A spool that holds a request, on a disk with no room left: SQLite can't open it."""
    held.hold("key-1", {"phone": "+971501234567", "whatsapp": "", "created_at": "x"})

    def full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(held, "_connect", full)


@pytest.mark.usefixtures("unreachable_database", "full_disk")
def test_a_full_spool_disk_while_the_database_is_away_answers_503_not_500(client):
    response = client.get("/healthz")

    assert response.status_code == 503
    assert b"database: unavailable" in response.content
    assert b"held requests: unknown (the disk can't hold more)" in response.content


@pytest.mark.django_db
@pytest.mark.usefixtures("full_disk")
def test_a_full_spool_disk_with_the_database_up_keeps_the_host(client):
    response = client.get("/healthz")

    assert response.status_code == 200


@pytest.mark.django_db
def test_the_internet_learns_only_whether_the_host_serves(client, settings):
    settings.HEALTHZ_TOKEN = TOKEN
    held.hold("key-1", {"phone": "+971501234567", "whatsapp": "", "created_at": "x"})

    response = client.get("/healthz", REMOTE_ADDR="203.0.113.9")

    assert response.status_code == 200
    assert response.content == b"ok\n"


@pytest.mark.usefixtures("unreachable_database")
def test_an_outage_is_503_or_200_for_the_internet_without_saying_why(client, settings):
    settings.HELD_REQUESTS_DIR = settings.BASE_DIR / "manage.py" / "not-a-folder"

    response = client.get("/healthz", REMOTE_ADDR="203.0.113.9")

    assert response.status_code == 503
    assert response.content == b"unavailable\n"


@pytest.mark.django_db
def test_behind_a_proxy_the_forwarded_client_is_who_asks(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1

    response = client.get("/healthz", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")

    assert response.content == b"ok\n"


@pytest.mark.django_db
def test_the_token_shows_the_details_from_anywhere(client, settings):
    settings.HEALTHZ_TOKEN = TOKEN
    held.hold("key-1", {"phone": "+971501234567", "whatsapp": "", "created_at": "x"})

    response = client.get(
        "/healthz", REMOTE_ADDR="203.0.113.9", HTTP_AUTHORIZATION=f"Bearer {TOKEN}"
    )

    assert response.content.startswith(b"database: ok\ncache: ok\nheld requests: 1, oldest ")


@pytest.mark.django_db
@pytest.mark.parametrize("given", ["Bearer wrong", f"Bearer {TOKEN}x", "Bearer ", TOKEN])
def test_a_wrong_token_shows_nothing_more(client, settings, given):
    settings.HEALTHZ_TOKEN = TOKEN

    response = client.get("/healthz", REMOTE_ADDR="203.0.113.9", HTTP_AUTHORIZATION=given)

    assert response.content == b"ok\n"


@pytest.mark.django_db
def test_without_a_token_set_an_empty_one_opens_nothing(client, settings):
    settings.HEALTHZ_TOKEN = ""

    response = client.get("/healthz", REMOTE_ADDR="203.0.113.9", HTTP_AUTHORIZATION="Bearer ")

    assert response.content == b"ok\n"


@pytest.mark.django_db
def test_this_host_sees_the_details_without_a_token(client):
    response = client.get("/healthz", REMOTE_ADDR="127.0.0.1")

    assert response.content == (b"database: ok\ncache: ok\nheld requests: 0\nerasure ledger: ok\n")
