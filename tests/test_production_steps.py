"""The README's production section, followed literally: its commands alone must give a site whose
spam limits and double-click guard work, with the database cache or with Redis."""

import os
import re
import shlex
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.db import connection

from consultations.models import ConsultationRequest
from tests.production_client import ProductionClient
from tests.servers import PROJECT_DIR, free_port, wait_until_up

pytestmark = pytest.mark.django_db(transaction=True)

SECRET = "r" * 30 + "-production-steps-test-secret-value"
HOST = "www.eclaclinic.ae"
OWNER, OWNER_PASSWORD = "clinic-owner", "owner-first-pass-2026"


def readme_production_commands():
    """The shell lines of the README's "Running in production" block, variables aside."""
    readme = (PROJECT_DIR / "README.md").read_text()
    section = readme.split("## Running in production", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.DOTALL).group(1)
    lines = [line.split("  #", 1)[0].strip() for line in block.splitlines()]
    return [line for line in lines if line and not line.startswith(("export ", "#"))]


def production_env(tmp_path, with_redis):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.pop("REDIS_URL", None)
    env.update(
        DJANGO_SECRET_KEY=SECRET,
        DJANGO_ALLOWED_HOSTS=HOST,
        DJANGO_CSRF_TRUSTED_ORIGINS=f"https://{HOST}",
        DJANGO_STATIC_ROOT=str(tmp_path / "static"),
        TRUSTED_PROXY_COUNT="1",
        LOG_LEVEL="WARNING",
        # The venv the tests run in stands for the README's activated .venv.
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    )
    if connection.vendor == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'clinic.sqlite3'}"
    else:
        db = connection.settings_dict
        env["DATABASE_URL"] = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    if with_redis:
        env["REDIS_URL"] = with_redis
    return env


def run_readme_steps(env):
    """Runs every setup command and starts gunicorn as the README says, on a free port."""
    port = free_port()
    env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}"}  # the README's export, another port
    server = None
    for line in readme_production_commands():
        args = shlex.split(line)
        if args[0] in {"python3", "pip"}:
            continue  # the venv and the install are this test run's own
        if args[0] == "gunicorn":
            server = subprocess.Popen(args, cwd=PROJECT_DIR, env=env)
            continue
        if "createsuperuser" in args:
            # What the clinic's owner types at its prompts.
            args.append("--no-input")
            env = {
                **env,
                "DJANGO_SUPERUSER_USERNAME": OWNER,
                "DJANGO_SUPERUSER_PASSWORD": OWNER_PASSWORD,
                "DJANGO_SUPERUSER_EMAIL": "",
            }
        result = subprocess.run(
            args, cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=180
        )
        assert result.returncode == 0, f"{line}\n{result.stdout}\n{result.stderr}"
    assert server is not None, "the README starts no gunicorn"
    wait_until_up(f"http://127.0.0.1:{port}", server, host=HOST)
    return server, f"http://127.0.0.1:{port}"


def stored_statuses(env):
    from collections import Counter

    if connection.vendor == "sqlite":
        import sqlite3

        with sqlite3.connect(env["DATABASE_URL"].removeprefix("sqlite:///")) as db:
            rows = db.execute("SELECT status FROM consultations_consultationrequest").fetchall()
        return Counter(status for (status,) in rows)
    return Counter(ConsultationRequest.objects.values_list("status", flat=True))


def redis_urls():
    urls = [None]
    if os.environ.get("REDIS_URL"):
        urls.append(os.environ["REDIS_URL"])
    return urls


@pytest.fixture(params=redis_urls(), ids=lambda url: "redis" if url else "database-cache")
def production_site(request, tmp_path):
    if request.param:
        import redis

        redis.Redis.from_url(request.param).flushdb()
    env = production_env(tmp_path, request.param)
    server, base_url = run_readme_steps(env)
    if not request.param and connection.vendor != "sqlite":
        # The shared test database keeps the cache table's counts from the test before.
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM django_cache")
    yield env, ProductionClient(base_url, HOST, SECRET)
    server.terminate()
    server.wait(timeout=30)


def test_readme_steps_give_the_owner_an_account_that_signs_in(production_site):
    _env, client = production_site
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
    env, client = production_site

    statuses = [client.send_request(f"Patient {n}", f"05012{n:05d}") for n in range(35)]

    assert statuses.count(302) == 30
    assert statuses[30:] == [429] * 5
    assert stored_statuses(env) == {"new": 5, "spam": 25}


def test_readme_steps_make_simultaneous_identical_requests_one(production_site):
    env, client = production_site
    form = client.open_form()

    with ThreadPoolExecutor(8) as pool:
        statuses = list(
            pool.map(lambda _: client.send_request("Layla Hassan", "0501234567", form), range(8))
        )

    time.sleep(0.2)
    assert statuses == [302] * 8
    assert sum(stored_statuses(env).values()) == 1
