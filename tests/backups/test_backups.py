"""Backups (django-dbbackup's `dbbackup`) and `restore_backup`: taken while patients send the form,
encrypted when the clinic names a key, kept for the days the privacy page states."""

import io
import shutil
import stat
import subprocess
import tempfile
import threading
import time
from datetime import datetime, timedelta
from typing import NamedTuple
from unittest import mock

import pytest
from dbbackup import settings as dbbackup_settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from backups import ledger
from consultations.models import ConsultationRequest
from tests.factories import make_gpg_key, make_request
from tests.patient_client import PatientBrowser
from tests.servers import ServerDatabase, gunicorn, manage, server_env

pytestmark = pytest.mark.django_db(transaction=True)

PASSPHRASE = "backup-key-passphrase-for-tests"


def take_backup():
    call_command("dbbackup", "--noinput", "--quiet", stdout=io.StringIO())


def restore_backup(*args):
    out = io.StringIO()
    call_command("restore_backup", *args, "--noinput", stdout=out)
    return out.getvalue()


def stored_names():
    return set(ConsultationRequest.objects.values_list("name", flat=True))


def backups_in(folder):
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.endswith(".metadata"))


class Sent(NamedTuple):
    name: str
    sent_at: float
    answered_at: float
    status: int


class SteadyPatients:
    """Patients sending the form one after another from a thread, until the block ends."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.sent = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._send_until_stopped, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(timeout=60)

    def _send_until_stopped(self):
        n = 0
        while not self._stop.is_set() and n < 5000:
            browser = PatientBrowser(self.base_url)
            hidden = browser.open_form()
            name, sent_at = f"Patient {n:04d}", time.monotonic()
            status, _ = browser.send(hidden, name=name, phone=f"+97150{n:07d}")
            self.sent.append(Sent(name, sent_at, time.monotonic(), status))
            n += 1

    def wait_for(self, count, timeout=60):
        deadline = time.monotonic() + timeout
        while len(self.sent) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(self.sent) >= count

    def stored_before(self, moment):
        return {s.name for s in self.sent if s.status == 302 and s.answered_at < moment}

    def sent_after(self, moment):
        return {s.name for s in self.sent if s.sent_at > moment}


@pytest.mark.system
def test_a_backup_taken_while_patients_send_the_form_restores_exactly_what_was_stored_before_it(
    collected_static, tmp_path, backup_dir
):
    env = server_env(
        collected_static,
        BACKUP_DIR=backup_dir,
        CONSULTATION_MIN_FILL_SECONDS=0,
        CONSULTATION_RATE_SOFT_LIMIT=10_000,
        CONSULTATION_RATE_HARD_LIMIT=10_000,
    )
    database = ServerDatabase(tmp_path, env)
    with gunicorn(database.env, workers=2) as base_url, SteadyPatients(base_url) as patients:
        patients.wait_for(5)
        backup_started = time.monotonic()
        manage(["dbbackup", "--noinput"], database.env)
        backup_finished = time.monotonic()
        patients.wait_for(len(patients.sent) + 5)
    stored_when_stopped = database.requests()

    manage(["restore_backup", "--noinput"], database.env)

    restored = database.requests()
    manage(["check", "--database", "default"], database.env)
    assert 0 < len(restored) < len(stored_when_stopped)
    assert restored == stored_when_stopped[: len(restored)]  # every row, every column
    names = {row["name"] for row in restored}
    assert patients.stored_before(backup_started) <= names
    assert not patients.sent_after(backup_finished) & names
    assert {s.status for s in patients.sent} == {302}


def test_restore_backup_restores_the_newest_backup_or_the_one_named(backup_dir, settings):
    settings.BACKUP_RETENTION_DAYS = 100 * 365
    make_request(name="In the first backup")
    with mock.patch("backups.signing.now", return_value=timezone.now().replace(year=2001)):
        take_backup()  # the newest is chosen by the time signed, not the name
    first = backups_in(backup_dir)[0]
    time.sleep(1.1)  # the next backup's name (to the second) differs
    make_request(name="In the second backup")
    take_backup()
    make_request(name="In no backup")

    newest = restore_backup()
    names_after_newest = stored_names()
    named = restore_backup(first.name)

    assert names_after_newest == {"In the first backup", "In the second backup"}
    assert stored_names() == {"In the first backup"}
    assert "2001" not in newest
    assert "2001" in named


def test_restore_backup_says_so_when_there_is_no_backup(backup_dir):
    with pytest.raises(CommandError, match="No backup"):
        restore_backup()


def test_restore_backup_asks_first_and_no_keeps_the_database(backup_dir, monkeypatch):
    take_backup()
    make_request(name="Stored after the backup")
    monkeypatch.setattr("builtins.input", lambda question: "n")
    out = io.StringIO()

    call_command("restore_backup", stdout=out)

    assert ConsultationRequest.objects.filter(name="Stored after the backup").exists()
    assert "Nothing restored." in out.getvalue()


def test_backups_go_to_a_folder_only_the_sites_user_can_read(backup_dir):
    make_request()

    take_backup()

    assert stat.S_IMODE(backup_dir.stat().st_mode) == 0o700
    files = [p for p in backup_dir.rglob("*") if p.is_file()]
    folders = [p for p in backup_dir.rglob("*") if p.is_dir()]  # the backups' signatures
    assert {stat.S_IMODE(p.stat().st_mode) for p in files} == {0o600}
    assert {stat.S_IMODE(p.stat().st_mode) for p in folders} == {0o700}


def keyring():
    """A GPG home of its own (short: gpg-agent's socket lives in it); its agent ended after."""
    home = tempfile.mkdtemp(prefix="gpg-")
    yield home
    subprocess.run(["gpgconf", "--homedir", home, "--kill", "gpg-agent"], check=False)
    shutil.rmtree(home, ignore_errors=True)


gpg_home = pytest.fixture(keyring, name="gpg_home")
empty_gpg_home = pytest.fixture(keyring, name="empty_gpg_home")


def test_an_encrypted_backup_cannot_be_read_without_its_key(
    backup_dir, gpg_home, empty_gpg_home, monkeypatch
):
    make_request(name="Zainab Encrypted", phone="+971505550123", message="thinning at the crown")
    monkeypatch.setattr(dbbackup_settings, "GPG_RECIPIENT", make_gpg_key(gpg_home, PASSPHRASE))
    monkeypatch.setenv("GNUPGHOME", gpg_home)
    take_backup()
    ConsultationRequest.objects.all().delete()
    (backup,) = backups_in(backup_dir)
    content = backup.read_bytes()
    monkeypatch.setenv("GNUPGHOME", empty_gpg_home)

    monkeypatch.setenv("BACKUP_GPG_PASSPHRASE", PASSPHRASE)
    with pytest.raises(CommandError, match=r"[Dd]ecrypt"):
        restore_backup()
    restored_without_key = ConsultationRequest.objects.count()
    monkeypatch.setenv("GNUPGHOME", gpg_home)
    restore_backup()

    assert backup.name.endswith(".gpg")
    assert not content.startswith((b"SQLite format 3", b"PGDMP"))
    for text in (b"Zainab", b"505550123", b"thinning", b"consultations_consultationrequest"):
        assert text not in content
    assert restored_without_key == 0
    assert ConsultationRequest.objects.get().name == "Zainab Encrypted"


def test_backups_older_than_the_stated_retention_are_deleted_when_a_new_one_is_taken(
    backup_dir, settings
):
    settings.BACKUP_RETENTION_DAYS = 35
    backup_dir.mkdir(mode=0o700)
    names = {}
    for label, days in (("expired", 36), ("kept", 34)):
        moment = datetime.now() - timedelta(days=days)
        names[label] = f"default-elsewhere-{moment:%Y-%m-%d-%H%M%S}.psql.bin"
        (backup_dir / names[label]).write_bytes(b"old backup")
        (backup_dir / f"{names[label]}.metadata").write_text("{}")
        ledger.remember("+97150555010" + str(days % 10), timezone.now() - timedelta(days=days))

    take_backup()

    left = {p.name for p in backups_in(backup_dir)}
    assert names["kept"] in left
    assert names["expired"] not in left
    assert not (backup_dir / f"{names['expired']}.metadata").exists()
    assert len(left) == 2  # the kept one and today's
    assert [e.erased_at.date() for e in ledger.read().erasures] == [
        (timezone.now() - timedelta(days=34)).date()
    ]
