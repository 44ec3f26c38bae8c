"""The spool of held requests: whose database a request is for, rows that can't be stored, and
what a deleted request leaves on the disk."""

import json
import logging
import sqlite3

import pytest
from django.test import Client

from consultations import held
from consultations.drain import drain
from consultations.models import ConsultationRequest
from tests.factories import make_request, post_form

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("empty_cache")]


def held_while_away(client, database_away, *names):
    """Requests sent while the database is away, as their held fields (it is back after)."""
    for number, name in enumerate(names):
        post_form(client, name=name, phone=f"050 765 43{number:02d}")
    database_away()
    return [fields for _key, fields in held.oldest_first(10)]


def hold_crafted(key, fields):
    held.hold(key, fields)


def test_a_drainer_stores_only_the_requests_held_for_its_own_database(
    client, database_away, monkeypatch
):
    monkeypatch.setattr(held, "database_identity", lambda: "another-site's-database")
    post_form(client, name="Staging Patient", phone="050 765 4301")
    monkeypatch.undo()
    post_form(client, name="Layla Hassan", phone="050 765 4302")
    database_away()

    stored, left = drain(per_second=1000)

    assert [c.name for c in ConsultationRequest.objects.all()] == ["Layla Hassan"]
    assert (stored, left) == (1, 0)
    monkeypatch.setattr(held, "database_identity", lambda: "another-site's-database")
    assert [fields["name"] for _key, fields in held.oldest_first(10)] == ["Staging Patient"]


def test_the_database_identity_names_engine_name_host_and_port_and_no_secret(settings):
    database = {**settings.DATABASES["default"], "PASSWORD": "s3cret-password"}
    elsewhere = {**database, "HOST": "db2.example"}

    assert held.database_identity(database) != held.database_identity(elsewhere)
    assert held.database_identity(database) == held.database_identity(
        {**database, "PASSWORD": "another"}
    )
    assert "s3cret" not in held.database_identity(database)


def test_one_bad_row_is_set_aside_and_the_rest_are_stored(client, database_away, caplog):
    (good,) = held_while_away(client, database_away, "Layla Hassan")
    hold_crafted("bad-date", {**good, "submission_key": "bad-date", "created_at": "not a date"})
    hold_crafted(
        "no-name", {**good, "submission_key": "no-name", "fingerprint": "f2", "name": None}
    )
    caplog.set_level(logging.WARNING)

    stored, left = drain(per_second=1000)

    assert [c.name for c in ConsultationRequest.objects.all()] == ["Layla Hassan"]
    assert (stored, left) == (1, 0)
    assert held.set_aside_count() == 2
    messages = [record.getMessage() for record in caplog.records]
    assert sum("set aside" in message for message in messages) == 2
    assert not [m for m in messages if "Layla" in m or "765" in m]
    health = Client().get("/healthz").content.decode()
    assert "held requests: 0, set aside 2 (see held_requests)" in health


def test_a_set_aside_request_is_still_in_the_patients_copy_and_erasure(client, database_away):
    from consultations import patient_data

    (good,) = held_while_away(client, database_away, "Layla Hassan")
    held.release(good["submission_key"])
    hold_crafted("bad", {**good, "submission_key": "bad", "created_at": "not a date"})
    drain(per_second=1000)

    copy = patient_data.export(good["phone"], username="owner")
    patient_data.erase(good["phone"], username="owner")

    assert [fields["name"] for fields in copy["held_requests"]] == ["Layla Hassan"]
    assert held.set_aside_count() == 0


def test_a_crafted_id_never_overwrites_a_stored_request(client, database_away):
    (good,) = held_while_away(client, database_away, "Layla Hassan")
    existing = make_request(name="Omar Khalid")
    held.release(good["submission_key"])
    hold_crafted("crafted", {**good, "submission_key": "crafted", "id": existing.pk})

    drain(per_second=1000)

    existing.refresh_from_db()
    assert existing.name == "Omar Khalid"
    assert ConsultationRequest.objects.count() == 2
    assert ConsultationRequest.objects.get(submission_key="crafted").pk != existing.pk


def test_a_crafted_field_outside_the_held_ones_is_ignored(client, database_away):
    (good,) = held_while_away(client, database_away, "Layla Hassan")
    held.release(good["submission_key"])
    hold_crafted("crafted", {**good, "submission_key": "crafted", "staff_notes": "Call her"})

    drain(per_second=1000)

    assert ConsultationRequest.objects.get(submission_key="crafted").staff_notes == ""


@pytest.fixture
def sqlite_without_secure_delete(monkeypatch):
    """SQLite as built elsewhere than Debian: deleted rows stay in the file unless asked."""
    connect = sqlite3.connect

    def insecure(*args, **kwargs):
        database = connect(*args, **kwargs)
        database.execute("PRAGMA secure_delete=OFF")
        return database

    monkeypatch.setattr(sqlite3, "connect", insecure)


@pytest.mark.usefixtures("sqlite_without_secure_delete")
def test_a_stored_request_leaves_nothing_readable_in_the_spool(client, database_away):
    held_while_away(client, database_away, "Layla Hassan Abdulrahman")

    drain(per_second=1000)

    files = held.spool_path().parent.glob("held-requests.sqlite3*")
    assert not [file for file in files if b"Abdulrahman" in file.read_bytes()]


def test_a_spool_from_before_requests_named_their_database_is_drained(client, database_away):
    (fields,) = held_while_away(client, database_away, "Layla Hassan")
    for file in held.spool_path().parent.glob("held-requests.sqlite3*"):
        file.unlink()
    with sqlite3.connect(held.spool_path()) as old:
        old.execute(
            "CREATE TABLE held (key TEXT PRIMARY KEY, held_at REAL NOT NULL, phone TEXT NOT NULL, "
            "whatsapp TEXT NOT NULL, created_at TEXT NOT NULL, payload TEXT NOT NULL)"
        )
        old.execute(
            "INSERT INTO held VALUES ('k', 1, ?, ?, ?, ?)",
            (fields["phone"], fields["whatsapp"], fields["created_at"], json.dumps(fields)),
        )
    old.close()

    assert drain(per_second=1000) == (1, 0)
    assert [c.name for c in ConsultationRequest.objects.all()] == ["Layla Hassan"]


def test_a_row_written_into_the_file_by_hand_is_set_aside_too(client, database_away):
    held_while_away(client, database_away, "Layla Hassan")
    with sqlite3.connect(held.spool_path()) as spool:
        for key, payload in (("0-not-json", "{"), ("0-no-phone", '{"name": "x"}')):
            spool.execute(
                "INSERT INTO held (key, held_at, phone, whatsapp, created_at, payload, database) "
                "VALUES (?, 0, '', '', '', ?, ?)",
                (key, payload, held.database_identity()),
            )
    spool.close()

    assert drain(per_second=1000) == (1, 0)
    assert held.set_aside_count() == 2
