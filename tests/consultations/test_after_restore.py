"""Erasures stay erased after a restore: the ledger outside the database, what a restore redoes."""

import io
from datetime import timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone

from audit.models import AccessEvent
from consultations.models import ConsultationRequest
from tests.consultations.test_patient_data import (
    assert_nothing_personal_in,
    everything_stored,
    stored_text,
    worked_on_in_the_admin,
)
from tests.factories import login_staff, make_request, make_superuser

pytestmark = pytest.mark.django_db(transaction=True)

NUMBER = "+971505550123"
ERASED = AccessEvent.Action.PERSONAL_DATA_ERASED


def take_backup():
    call_command("dbbackup", "--noinput", "--quiet", stdout=io.StringIO())


def restore_backup():
    out = io.StringIO()
    call_command("restore_backup", "--noinput", stdout=out)
    return out.getvalue()


def erase(number):
    call_command("patient_data", "erase", number, "--yes", stdout=io.StringIO())


def names():
    return set(ConsultationRequest.objects.values_list("name", flat=True))


def test_a_patient_erased_after_a_backup_is_erased_again_when_it_is_restored():
    make_request(name="Zainab Erased", phone=NUMBER, message="knee pain since May")
    make_request(name="Zainab Erased", phone="+971501111111", whatsapp=NUMBER)
    make_request(name="Omar Khalid", phone="+971509999999")
    take_backup()
    erase("050 555 0123")

    output = restore_backup()

    assert names() == {"Omar Khalid"}
    assert_nothing_personal_in(everything_stored())
    assert "Re-applied 1 erasure(s) from the ledger: deleted 2 consultation request(s)" in output
    (event,) = AccessEvent.objects.filter(action=ERASED)
    assert event.detail["requests"] == 2
    assert event.detail["after_restore"] is True


def test_a_request_the_patient_sent_after_their_erasure_survives_a_restore():
    make_request(name="Zainab First", phone=NUMBER, created_at=timezone.now() - timedelta(days=2))
    erase(NUMBER)
    make_request(name="Zainab Asked Again", phone=NUMBER)
    take_backup()

    restore_backup()

    assert names() == {"Zainab Asked Again"}


def test_the_ledger_holds_a_keyed_hash_and_the_time_never_the_number(backup_dir):
    make_request(phone=NUMBER)

    erase(NUMBER)

    (record,) = (backup_dir / "erasures").iterdir()
    text = record.read_text()
    for form in ("505550123", "50 555 0123", "0505550123"):
        assert form not in text
    assert str(timezone.now().year) in text
    assert oct(record.stat().st_mode)[-3:] == "600"


def test_an_erasure_that_cannot_be_recorded_in_the_ledger_erases_nothing_and_says_so(
    backup_dir, monkeypatch
):
    from dbbackup import settings as dbbackup_settings

    make_request(phone=NUMBER)
    (backup_dir.parent / "not-a-folder").write_text("")
    location = str(backup_dir.parent / "not-a-folder" / "backups")
    monkeypatch.setattr(dbbackup_settings, "STORAGE_OPTIONS", {"location": location})

    with pytest.raises(CommandError, match="Nothing was erased"):
        erase(NUMBER)

    assert ConsultationRequest.objects.count() == 1
    assert not AccessEvent.objects.filter(action=ERASED).exists()


def test_the_admin_says_so_too_when_the_ledger_cannot_be_written(client, backup_dir, monkeypatch):
    from dbbackup import settings as dbbackup_settings

    make_request(phone=NUMBER)
    (backup_dir.parent / "not-a-folder").write_text("")
    location = str(backup_dir.parent / "not-a-folder" / "backups")
    monkeypatch.setattr(dbbackup_settings, "STORAGE_OPTIONS", {"location": location})
    login_staff(client, make_superuser())

    page = client.post(
        reverse("admin:consultations_patient_data"),
        {"number": NUMBER, "_erase": "1", "confirm": "yes"},
        follow=True,
    ).content.decode()

    assert "Nothing was erased" in page
    assert ConsultationRequest.objects.count() == 1


def test_purge_after_a_restore_leaves_no_expired_request_or_its_traces(client, settings):
    settings.CONSULTATION_RETENTION_DAYS = 30
    old = make_request(name="Zainab Purged", phone=NUMBER, message="knee pain since May")
    recent = make_request(name="Omar Khalid", phone="+971509999999")
    login_staff(client, make_superuser())  # the Front desk group went with an earlier test's flush
    worked_on_in_the_admin(client, old)
    worked_on_in_the_admin(client, recent)
    long_ago = timezone.now() - timedelta(days=29)
    ConsultationRequest.objects.filter(pk=old.pk).update(created_at=long_ago)
    take_backup()
    settings.CONSULTATION_RETENTION_DAYS = 28  # as if two days went by: purged since the backup
    call_command("purge_consultations", stdout=io.StringIO())

    restore_backup()
    call_command("purge_consultations", stdout=io.StringIO())

    assert names() == {"Omar Khalid"}
    assert_nothing_personal_in(stored_text(LogEntry, AccessEvent))
    assert_nothing_personal_in(everything_stored())
    assert "Omar Khalid" in stored_text(LogEntry)


def test_a_restore_signs_every_staff_member_out(client):
    login_staff(client, make_superuser())
    take_backup()

    restore_backup()

    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_an_erasure_under_a_key_since_replaced_stops_the_restore_until_the_old_key_is_given(
    settings,
):
    make_request(name="Zainab Erased", phone=NUMBER)
    take_backup()
    erase(NUMBER)
    make_request(name="Stored after the backup", phone="+971509999999")
    old_key, settings.ERASURE_LEDGER_KEY = settings.ERASURE_LEDGER_KEY, "a-new-ledger-key-" * 3

    with pytest.raises(CommandError, match=r"1 erasure.*ERASURE_LEDGER_OLD_KEYS"):
        restore_backup()
    not_restored = names()
    settings.ERASURE_LEDGER_OLD_KEYS = [old_key]
    restore_backup()

    assert not_restored == {"Stored after the backup"}
    assert names() == set()
