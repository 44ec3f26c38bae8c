"""restore_backup restores only what this site's backups signed, with a key kept out of the
backup storage: a file planted there (plain, or encrypted to the clinic's public key) or altered
is refused; it says what it restores before asking; a script never gets a prompt; a backup older
than the erasure ledger covers is refused unless told what can't be redone."""

import io
import shutil
import time
from datetime import timedelta
from unittest import mock

import pytest
from dbbackup import settings as dbbackup_settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from backups import ledger
from consultations.models import ConsultationRequest
from tests.backups.test_backups import keyring
from tests.factories import make_gpg_key, make_request, make_superuser

pytestmark = pytest.mark.django_db(transaction=True)

gpg_home = pytest.fixture(keyring, name="gpg_home")
PASSPHRASE = "backup-key-passphrase-for-tests"
NUMBER = "+971505550123"


def take_backup():
    call_command("dbbackup", "--noinput", "--quiet", stdout=io.StringIO())
    time.sleep(1.1)  # the next backup's name (to the second) differs


def restore_backup(*args):
    out = io.StringIO()
    call_command("restore_backup", *args, "--noinput", stdout=out)
    return out.getvalue()


def backups_in(folder):
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.endswith(".metadata"))


def later_name(path):
    """The same backup under a name dated a year later: the newest by the date in its name."""
    year = str(timezone.now().year)
    return path.with_name(path.name.replace(year, str(int(year) + 1), 1))


@pytest.fixture
def planted(backup_dir):
    """A backup of a database holding an attacker's superuser, put in the storage unsigned."""
    make_request(name="Omar Khalid")
    take_backup()
    (genuine,) = backups_in(backup_dir)
    attacker = make_superuser(username="attacker")
    take_backup()
    (copy,) = set(backups_in(backup_dir)) - {genuine}
    shutil.move(copy, later_name(copy))  # its signature (if any) names the old name
    attacker.delete()
    return genuine, later_name(copy)


def test_a_planted_newer_backup_is_passed_over_for_the_newest_signed_one(planted):
    genuine, plant = planted

    output = restore_backup()

    assert genuine.name in output and plant.name not in output
    assert not User.objects.filter(username="attacker").exists()


def test_a_planted_backup_named_on_the_command_line_is_refused(planted):
    _genuine, plant = planted
    ConsultationRequest.objects.all().delete()

    with pytest.raises(CommandError, match="not signed"):
        restore_backup(plant.name)

    assert not User.objects.filter(username="attacker").exists()
    assert not ConsultationRequest.objects.exists()


def test_a_signed_backup_whose_content_was_replaced_is_refused(planted):
    genuine, plant = planted
    genuine.write_bytes(plant.read_bytes())
    ConsultationRequest.objects.all().delete()

    with pytest.raises(CommandError, match="altered"):
        restore_backup()

    assert not User.objects.filter(username="attacker").exists()


def test_it_shows_the_backups_date_size_and_digest_before_asking(backup_dir, monkeypatch):
    import hashlib

    take_backup()
    (backup,) = backups_in(backup_dir)
    asked = []
    monkeypatch.setattr("builtins.input", lambda question: asked.append(question) or "n")
    out = io.StringIO()

    call_command("restore_backup", stdout=out)

    shown = out.getvalue() + "".join(asked)
    assert hashlib.sha256(backup.read_bytes()).hexdigest() in shown
    assert f"{backup.stat().st_size:,} bytes" in shown
    assert timezone.localtime().strftime("%Y-%m-%d") in shown


def test_an_encrypted_backup_restores_without_a_prompt_with_the_passphrase_from_a_file(
    backup_dir, gpg_home, monkeypatch, tmp_path
):
    monkeypatch.setattr(dbbackup_settings, "GPG_RECIPIENT", make_gpg_key(gpg_home, PASSPHRASE))
    monkeypatch.setenv("GNUPGHOME", gpg_home)
    make_request(name="Zainab Encrypted")
    take_backup()
    ConsultationRequest.objects.all().delete()
    prompt = mock.Mock(side_effect=AssertionError("prompted"))
    monkeypatch.setattr("getpass.getpass", prompt)
    monkeypatch.setattr("builtins.input", prompt)

    with pytest.raises(CommandError, match="BACKUP_GPG_PASSPHRASE_FILE"):
        restore_backup()
    (tmp_path / "passphrase").write_text(PASSPHRASE + "\n")
    monkeypatch.setenv("BACKUP_GPG_PASSPHRASE_FILE", str(tmp_path / "passphrase"))
    restore_backup()

    assert ConsultationRequest.objects.get().name == "Zainab Encrypted"
    prompt.assert_not_called()


def test_a_wrong_passphrase_fails_with_a_reason(backup_dir, gpg_home, monkeypatch):
    monkeypatch.setattr(dbbackup_settings, "GPG_RECIPIENT", make_gpg_key(gpg_home, PASSPHRASE))
    monkeypatch.setenv("GNUPGHOME", gpg_home)
    take_backup()
    monkeypatch.setenv("BACKUP_GPG_PASSPHRASE", "not the passphrase")

    with pytest.raises(CommandError, match=r"could not be decrypted.*passphrase"):
        restore_backup()


def test_the_passphrase_is_not_taken_on_the_command_line(backup_dir):
    take_backup()

    with pytest.raises(CommandError, match="unrecognized arguments: --passphrase"):
        restore_backup("--passphrase", PASSPHRASE)


def test_a_backup_older_than_the_erasure_ledger_covers_is_refused_unless_told(backup_dir, settings):
    settings.BACKUP_RETENTION_DAYS = 35
    make_request(name="Zainab Erased", phone=NUMBER)
    with mock.patch("backups.signing.now", return_value=timezone.now() - timedelta(days=40)):
        take_backup()
    (old,) = backups_in(backup_dir)
    ledger.remember(NUMBER, timezone.now() - timedelta(days=38))  # its record pruned below
    ConsultationRequest.objects.all().delete()
    take_backup()  # prunes the ledger's records older than 35 days

    with pytest.raises(CommandError, match="older than the erasure ledger"):
        restore_backup(old.name)
    refused = ConsultationRequest.objects.count()
    output = restore_backup(old.name, "--older-than-ledger")

    assert refused == 0
    assert "cannot be made again" in output
    assert ConsultationRequest.objects.get().name == "Zainab Erased"
