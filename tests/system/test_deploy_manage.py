"""deploy/manage: a management command run by hand gets the settings file's values as systemd
gives them to the services, and nothing of the shell it was typed in."""

import getpass
import os
import subprocess

from tests.readme_steps import deploy_manage
from tests.servers import PROJECT_DIR


def test_the_settings_file_is_read_as_systemd_reads_an_environment_file():
    text = (
        "# a comment\n"
        "; another\n"
        "CLINIC_PHONE=+971 4 123 4567   \n"
        'DEFAULT_FROM_EMAIL="Ecla Clinic <website@example.ae>"\n'
        "DJANGO_SECRET_KEY='a$b`c'\n"
        "CLINIC_EMAIL=desk@example.ae # not a comment\n"
        "export DJANGO_DEBUG=true\n"
        "no assignment\n"
    )

    assert deploy_manage.read_environment_file(text) == {
        "CLINIC_PHONE": "+971 4 123 4567",
        "DEFAULT_FROM_EMAIL": "Ecla Clinic <website@example.ae>",
        "DJANGO_SECRET_KEY": "a$b`c",
        "CLINIC_EMAIL": "desk@example.ae # not a comment",
    }


def test_a_command_sees_the_settings_file_and_nothing_of_the_callers_shell(tmp_path):
    settings = tmp_path / "env"
    settings.write_text(
        "DJANGO_SECRET_KEY=" + "s" * 50 + "\n"
        "DJANGO_ALLOWED_HOSTS=www.eclaclinic.ae\n"
        f"DATABASE_URL=sqlite:///{tmp_path / 'site.sqlite3'}\n"
        "CLINIC_PHONE=+971 4 123 4567\n"
    )
    shell = {
        **os.environ,
        "ECLA_ENV_FILE": str(settings),
        "ECLA_SITE_USER": getpass.getuser(),
        "DJANGO_DEBUG": "true",
        "DATABASE_URL": "postgres://someone@elsewhere/other",
    }
    code = (
        "import os; from django.conf import settings; "
        "print(settings.DEBUG, os.environ['CLINIC_PHONE'], settings.DATABASES['default']['NAME'])"
    )

    done = subprocess.run(
        [PROJECT_DIR / "deploy/manage", "shell", "-c", code],
        env=shell,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == f"False +971 4 123 4567 {tmp_path / 'site.sqlite3'}"


def test_a_missing_settings_file_is_said_plainly(tmp_path):
    shell = {
        **os.environ,
        "ECLA_ENV_FILE": str(tmp_path / "nothing"),
        "ECLA_SITE_USER": getpass.getuser(),
    }

    done = subprocess.run(
        [PROJECT_DIR / "deploy/manage", "check"], env=shell, capture_output=True, text=True
    )

    assert done.returncode == 1
    assert done.stderr.startswith("deploy/manage: can't read the site's environment:")
