"""The production section of docs/operations.md, followed literally: its commands alone, with the
settings file made from deploy/ecla-clinic.env and the services started as their systemd units
say, must give a site whose spam limits and double-click guard work, with the database cache or
with Redis, and nightly jobs that run.

The steps are followed once per cache for the whole module, into a database of the site's own
(on PostgreSQL, one made for it beside the test database); each test starts with an empty cache
and counts only the requests it sent."""

import getpass
import os
import shlex
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.production_client import ProductionClient
from tests.production_site import ProductionSite, SiteDatabase
from tests.readme_steps import SITE_DIR, lines, production_blocks, settings_file, unit
from tests.readme_steps import deploy_manage as manage_script
from tests.servers import PROJECT_DIR, free_port, wait_until_up

SECRET = "r" * 30 + "-production-steps-test-secret-value"
HOST = "www.eclaclinic.ae"
OWNER, OWNER_PASSWORD = "clinic-owner", "owner-first-pass-2026"
UNITS = PROJECT_DIR / "deploy/systemd"
# What this test does instead of these lines: the packages, the venv, the database and the site's
# user are this test run's own; the files they install are
# tests/system/test_nginx_as_installed.py's.
NOT_RUN = (
    "apt-get ",
    "adduser ",
    "install ",
    "git clone ",
    "cd ",
    "python3 -m venv ",
    ".venv/bin/pip ",
    "createuser ",
    "createdb ",
    "systemctl daemon-reload",
    # The clinic's backup key: this test's site makes its backups unencrypted.
    "sudo -H -u ecla gpg ",
)
# systemd's own PATH for a service: nothing of an admin's shell (an activated venv) reaches it.
SYSTEMD_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin"


def readme_production_commands():
    """The shell lines of docs/operations.md's "Running in production" blocks."""
    return [line for block in production_blocks() for line in lines(block)]


def production_settings(tmp_path, with_redis, database):
    """docs/operations.md's /etc/ecla-clinic/env, as the admin fills it in for this test's site."""
    # The steps' `install -d … /mnt/backups/ecla` (tests/system/test_units_as_installed.py runs it).
    backups = tmp_path / "backups"
    backups.mkdir(mode=0o700)
    return {
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DJANGO_CSRF_TRUSTED_ORIGINS": f"https://{HOST}",
        "DJANGO_SECRET_KEY": SECRET,
        "ERASURE_LEDGER_KEY": "l" * 40,
        "BACKUP_SIGNING_KEY": "b" * 40,
        "DATABASE_URL": database,
        "REDIS_URL": with_redis,
        # No mail server here: Django's console backend.
        "EMAIL_HOST": None,
        "EMAIL_HOST_USER": None,
        "EMAIL_HOST_PASSWORD": None,
        "GUNICORN_BIND": f"127.0.0.1:{free_port()}",
        "DJANGO_STATIC_ROOT": str(tmp_path / "static"),
        "HELD_REQUESTS_DIR": str(tmp_path / "held"),
        "BACKUP_DIR": str(backups),
        "BACKUP_GPG_RECIPIENT": None,
        "LOG_LEVEL": "WARNING",
    }


def write_settings(path, settings, **more):
    path.write_text(settings_file(**settings, **more))
    path.chmod(0o640)
    return path


def run_deploy_manage(args, settings_path):
    """`deploy/manage ...` as the documented root runs it; the site's user is this test's."""
    env = {
        "PATH": os.environ["PATH"],
        "ECLA_ENV_FILE": str(settings_path),
        "ECLA_SITE_USER": getpass.getuser(),
    }
    return subprocess.run(
        [PROJECT_DIR / "deploy/manage", *args],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


def service_command(name, settings_path, home):
    """What systemd runs for a service unit: its ExecStart= lines, in its WorkingDirectory=, with
    systemd's PATH and the variables of its EnvironmentFile= only (the checkout and the settings
    file being this test's)."""
    settings = unit(UNITS / name)
    assert settings["EnvironmentFile"] == ["/etc/ecla-clinic/env"], name
    assert settings["WorkingDirectory"] == [SITE_DIR], name
    env = {
        "PATH": SYSTEMD_PATH,
        "HOME": str(home),
        "LANG": "C.UTF-8",
        **manage_script.read_environment_file(Path(settings_path).read_text()),
    }
    commands = [
        [part.replace(SITE_DIR, str(PROJECT_DIR)) for part in shlex.split(line)]
        for line in settings["ExecStart"]
    ]
    return commands, env


def run_readme_steps(tmp_path, settings):
    """Runs every line of docs/operations.md's production blocks; returns the started gunicorn, its
    address and the nightly jobs the steps enable."""
    settings_path = write_settings(tmp_path / "env", settings)
    server, timers = None, []
    for line in readme_production_commands():
        args = shlex.split(line)
        if line.startswith(NOT_RUN):
            continue
        if args[0] == ".venv/bin/pybabel":
            args[0] = str(Path(sys.executable).parent / "pybabel")
        elif args[:2] == ["systemctl", "enable"]:
            services = [name for name in args[3:] if name.endswith(".service")]
            timers += [name for name in args[3:] if name.endswith(".timer")]
            assert args[2] == "--now"
            for name in services:
                assert name == "ecla-clinic.service", f"no test starts {name}"
                [command], env = service_command(name, settings_path, tmp_path)
                server = subprocess.Popen(command, cwd=PROJECT_DIR, env=env)
            continue
        elif args[0] == "deploy/manage":
            path = settings_path
            if "createsuperuser" in args:
                # What the clinic's owner types at its prompts.
                args.append("--no-input")
                path = write_settings(
                    tmp_path / "env-owner",
                    settings,
                    DJANGO_SUPERUSER_USERNAME=OWNER,
                    DJANGO_SUPERUSER_PASSWORD=OWNER_PASSWORD,
                    DJANGO_SUPERUSER_EMAIL="",
                )
            result = run_deploy_manage(args[1:], path)
            assert result.returncode == 0, f"{line}\n{result.stdout}\n{result.stderr}"
            continue
        else:
            pytest.fail(f"the test doesn't know how to follow docs/operations.md's line: {line}")
        result = subprocess.run(args, cwd=PROJECT_DIR, capture_output=True, text=True, timeout=180)
        assert result.returncode == 0, f"{line}\n{result.stdout}\n{result.stderr}"
    assert server is not None, "docs/operations.md starts no gunicorn"
    base_url = f"http://{settings['GUNICORN_BIND']}"
    wait_until_up(base_url, server, host=HOST)
    return server, base_url, timers, settings_path


def redis_urls():
    urls = [None]
    if os.environ.get("REDIS_URL"):
        urls.append(os.environ["REDIS_URL"])
    return urls


@pytest.fixture(
    scope="module", params=redis_urls(), ids=lambda url: "redis" if url else "database-cache"
)
def steps_followed(request, tmp_path_factory):
    """The site the steps give, with the database cache or with Redis (ids: how the tests were
    named when each followed the steps itself): (settings, database, client)."""
    home = tmp_path_factory.mktemp("production")
    database = SiteDatabase(home)
    settings = production_settings(home, request.param, database.url)
    server, base_url, timers, settings_path = run_readme_steps(home, settings)
    site = {**settings, "timers": timers, "settings_path": settings_path, "home": home}
    yield site, database, ProductionClient(base_url, HOST, SECRET)
    server.terminate()
    server.wait(timeout=30)
    database.drop()


@pytest.fixture
def production_site(steps_followed):
    """The site with its cache emptied: the spam limits count from zero for each test."""
    site, database, client = steps_followed
    if site["REDIS_URL"]:
        import redis

        redis.Redis.from_url(site["REDIS_URL"]).flushdb()
    else:
        database.query("DELETE FROM django_cache")
    return ProductionSite(site, database, client)


def test_readme_steps_give_the_owner_an_account_that_signs_in(production_site):
    client = production_site.client
    form = client.open_form_at("/admin/login/")

    response, _html = client.request(
        "POST",
        "/admin/login/",
        urlencode(
            {
                "username": OWNER,
                "password": OWNER_PASSWORD,
                "next": "/admin/",
                "csrfmiddlewaretoken": form["csrfmiddlewaretoken"],
            }
        ),
        {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={form['cookie']}",
            "Origin": client.origin,
            "Referer": f"{client.origin}/admin/login/",
        },
    )

    assert response.status == 302
    assert response.getheader("Location") == "/admin/"
    assert "sessionid=" in response.getheader("Set-Cookie")


def test_readme_steps_give_working_spam_limits(production_site):
    client = production_site.client

    statuses = [client.send_request(f"Patient {n}", f"05012{n:05d}") for n in range(35)]

    assert statuses.count(302) == 30
    assert statuses[30:] == [429] * 5
    assert production_site.stored_statuses() == {"new": 5, "spam": 25}


def test_readme_steps_make_simultaneous_identical_requests_one(production_site):
    client = production_site.client
    form = client.open_form()

    with ThreadPoolExecutor(8) as pool:
        statuses = list(
            pool.map(lambda _: client.send_request("Layla Hassan", "0501234567", form), range(8))
        )

    time.sleep(0.2)
    assert statuses == [302] * 8
    assert sum(production_site.stored_statuses().values()) == 1


def test_readme_steps_give_nightly_jobs_that_run_with_the_sites_settings(production_site):
    site, client = production_site.settings, production_site.client
    client.send_request("Layla Hassan", "0501234567")
    jobs = set()

    for timer in site["timers"]:
        assert unit(UNITS / timer)["Persistent"] == ["true"], timer
        service = unit(UNITS / timer).get("Unit", [timer.replace(".timer", ".service")])[0]
        assert unit(UNITS / service)["OnFailure"] == ["ecla-clinic-failed@%n.service"], service
        commands, env = service_command(service, site["settings_path"], site["home"])
        for command in commands:
            done = subprocess.run(command, cwd=PROJECT_DIR, env=env, capture_output=True, text=True)
            assert done.returncode == 0, f"{service}: {command}\n{done.stdout}\n{done.stderr}"
            jobs.add(" ".join(command[2:]))

    assert jobs == {"dbbackup --compress --quiet", "purge_consultations", "purge_sign_in_records"}
    assert list(Path(site["BACKUP_DIR"]).glob("default-*")), "no backup was made"
