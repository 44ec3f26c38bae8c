"""`check --deploy` and the backup target: it fails while backups can't be written (no folder,
no key to encrypt to, no key to sign with) and warns while the erasure ledger has no key of its
own or backups are not encrypted (they hold the staff's authenticator secrets too)."""

import io

import pytest
from dbbackup import settings as dbbackup_settings
from django.core import checks
from django.core.management import call_command
from django.core.management.base import CommandError

from consultations.models import ConsultationRequest
from tests.backups.test_backups import keyring
from tests.clinic_site.test_operations import PRODUCTION_ENV, run_manage
from tests.factories import make_gpg_key, make_request

gpg_home = pytest.fixture(keyring, name="gpg_home")
empty_gpg_home = pytest.fixture(keyring, name="empty_gpg_home")


def deploy_check_ids():
    return {message.id for message in checks.run_checks(include_deployment_checks=True)}


@pytest.fixture
def usable_target(backup_dir, gpg_home, monkeypatch):
    """A backup folder that exists, a key to encrypt to in the site user's keyring."""
    backup_dir.mkdir(mode=0o700)
    monkeypatch.setattr(dbbackup_settings, "GPG_RECIPIENT", make_gpg_key(gpg_home, "p" * 12))
    monkeypatch.setenv("GNUPGHOME", gpg_home)
    return backup_dir


def test_a_usable_target_and_keys_of_their_own_pass(usable_target):
    assert not {i for i in deploy_check_ids() if i.startswith("backups.")}


def test_a_backup_folder_that_does_not_exist_fails_the_deploy_check(usable_target):
    usable_target.rmdir()

    assert "backups.E002" in deploy_check_ids()


def test_a_backup_folder_that_is_a_file_fails_the_deploy_check(usable_target):
    usable_target.rmdir()
    usable_target.write_text("")

    assert "backups.E002" in deploy_check_ids()


def test_a_key_to_encrypt_to_missing_from_the_keyring_fails_the_deploy_check(
    usable_target, empty_gpg_home, monkeypatch
):
    monkeypatch.setenv("GNUPGHOME", empty_gpg_home)

    assert "backups.E003" in deploy_check_ids()


def test_no_signing_key_fails_the_deploy_check_and_takes_no_backup(usable_target, settings):
    settings.BACKUP_SIGNING_KEY = ""

    assert "backups.E001" in deploy_check_ids()
    with pytest.raises(CommandError, match="BACKUP_SIGNING_KEY is not set"):
        call_command("dbbackup", "--noinput", "--quiet", stdout=io.StringIO())


def test_unencrypted_backups_are_warned_about(usable_target, monkeypatch):
    monkeypatch.setattr(dbbackup_settings, "GPG_RECIPIENT", None)

    assert "backups.W002" in deploy_check_ids()


@pytest.mark.parametrize("key", ["", "the-secret-key"])
def test_a_ledger_key_missing_or_the_secret_key_is_warned_about(usable_target, settings, key):
    settings.SECRET_KEY = "the-secret-key"
    settings.ERASURE_LEDGER_KEY = key

    assert "backups.W001" in deploy_check_ids()


@pytest.mark.django_db
def test_without_a_ledger_key_an_erasure_is_refused_and_says_why(backup_dir, settings):
    settings.ERASURE_LEDGER_KEY = ""
    make_request(phone="+971505550123")

    with pytest.raises(CommandError, match="ERASURE_LEDGER_KEY is not set"):
        call_command("patient_data", "erase", "+971505550123", "--yes", stdout=io.StringIO())

    assert ConsultationRequest.objects.count() == 1


@pytest.mark.system
def test_in_production_the_ledger_key_never_falls_back_to_the_secret_key(monkeypatch):
    monkeypatch.delenv("ERASURE_LEDGER_KEY", raising=False)
    script = "from django.conf import settings; print(repr(settings.ERASURE_LEDGER_KEY))"

    result = run_manage("shell", "-c", script, env=PRODUCTION_ENV)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "''"


@pytest.mark.django_db(transaction=True)
def test_without_a_ledger_key_the_nightly_backup_still_runs(usable_target, settings, monkeypatch):
    monkeypatch.setattr(dbbackup_settings, "GPG_RECIPIENT", None)
    settings.ERASURE_LEDGER_KEY = ""

    call_command("dbbackup", "--noinput", "--quiet", stdout=io.StringIO())

    assert [p for p in usable_target.iterdir() if p.is_file()]
