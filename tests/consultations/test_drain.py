"""Held requests wait for the erasure ledger: a drain that can't read it stores nothing (a
patient erased elsewhere meanwhile would come back), says so in the log and on /healthz, and
stores them once it can be read."""

import logging

import pytest
from dbbackup import settings as dbbackup_settings
from django.utils import timezone

from backups import ledger
from consultations import held
from consultations.drain import drain
from consultations.models import ConsultationRequest
from tests.factories import post_form

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("empty_cache")]


@pytest.fixture
def ledger_unreadable(backup_dir, monkeypatch):
    """The backup storage (where the ledger is) unreachable; calling the value brings it back."""
    backup_dir.parent.joinpath("not-a-folder").write_text("")
    broken = {"location": str(backup_dir.parent / "not-a-folder" / "backups")}
    working = dbbackup_settings.STORAGE_OPTIONS
    monkeypatch.setattr(dbbackup_settings, "STORAGE_OPTIONS", broken)
    return lambda: monkeypatch.setattr(dbbackup_settings, "STORAGE_OPTIONS", working)


def healthz(client):
    return client.get("/healthz").content.decode()


def test_held_requests_wait_while_the_ledger_cannot_be_read(
    client, database_away, ledger_unreadable, caplog
):
    post_form(client, phone="050 765 4321")
    post_form(client, name="Layla Hassan", phone="050 111 2222")
    database_away()

    with caplog.at_level(logging.ERROR):
        stored, left = drain(per_second=1000)

    assert (stored, left) == (0, 2)
    assert ConsultationRequest.objects.count() == 0
    assert "held until the erasure ledger can be read" in caplog.text
    assert "erasure ledger: unreadable, 2 held request(s) wait for it" in healthz(client)


def test_they_are_stored_once_it_can_be_read_and_an_erasure_made_meanwhile_holds(
    client, database_away, ledger_unreadable
):
    post_form(client, phone="050 765 4321")
    post_form(client, name="Layla Hassan", phone="050 111 2222")
    database_away()
    drain(per_second=1000)
    ledger_unreadable()  # the storage is back
    ledger.remember("+971507654321", timezone.now())  # erased through another host meanwhile

    stored, left = drain(per_second=1000)

    assert (stored, left) == (1, 0)
    assert list(ConsultationRequest.objects.values_list("name", flat=True)) == ["Layla Hassan"]
    assert "erasure ledger: ok" in healthz(client)
    assert held.summary()[0] == 0
