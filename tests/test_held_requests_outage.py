"""Real server processes losing their database (PostgreSQL's connections cut, SQLite's file out
of reach): patients get the thanks page, and every request is stored once when it is back, even
after the server is SIGKILLed holding them."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from tests.outage import outage_for
from tests.production_client import ProductionClient
from tests.servers import PROJECT_DIR, copy_migrated_sqlite, server_env, start_gunicorn

# empty_cache: the double-click claims of an earlier run, in Redis, would swallow requests.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("empty_cache")]

SECRET = "insecure-key-for-tests-only"


@pytest.fixture
def site(tmp_path, collected_static):
    base = server_env(
        collected_static,
        HELD_REQUESTS_DIR=tmp_path / "held",
        HELD_REQUESTS_DRAIN="true",
        HELD_REQUESTS_PER_SECOND=500,
        # Every patient here is one address, whose counts Redis keeps from run to run.
        CONSULTATION_RATE_SOFT_LIMIT=1000,
        CONSULTATION_RATE_HARD_LIMIT=1000,
    )
    outage = outage_for(base, tmp_path)
    if connection.vendor == "sqlite":
        copy_migrated_sqlite(outage.env["DATABASE_URL"].removeprefix("sqlite:///"), outage.env)
    return outage


def start_server(env):
    # Its own process group: the test can SIGKILL it whole.
    process, base_url = start_gunicorn(env, workers=2, start_new_session=True)
    return process, ProductionClient(base_url, "127.0.0.1", SECRET, scheme="http")


def stop(process, sig=signal.SIGTERM):
    os.killpg(process.pid, sig)
    process.wait(timeout=30)


def stored_phones(env):
    if connection.vendor == "sqlite":
        path = env["DATABASE_URL"].removeprefix("sqlite:///")
        with sqlite3.connect(path) as database:
            rows = database.execute("SELECT phone FROM consultations_consultationrequest")
            return sorted(phone for (phone,) in rows)
    from consultations.models import ConsultationRequest

    return sorted(
        str(phone) for phone in ConsultationRequest.objects.values_list("phone", flat=True)
    )


def wait_for_rows(env, count, seconds=40):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        phones = stored_phones(env)
        if len(phones) >= count:
            return phones
        time.sleep(0.3)
    return stored_phones(env)


def phones(first, count):
    return [f"+97150{n:07d}" for n in range(first, first + count)]


def send_all(client, numbers):
    with ThreadPoolExecutor(4) as pool:
        return list(pool.map(lambda phone: client.send_request("Patient", phone), numbers))


def test_an_outage_turns_no_patient_away_and_loses_or_doubles_nothing(site):
    server, client = start_server(site.env)
    try:
        before = send_all(client, phones(0, 3))
        site.away()
        during = send_all(client, phones(3, 12))
        health = client.request("GET", "/healthz")
        site.back()
        stored = wait_for_rows(site.env, 15)
    finally:
        stop(server)

    assert before + during == [302] * 15
    assert health[0].status == 200
    assert "database: unavailable" in health[1]
    assert "held requests: 12" in health[1]
    assert stored == phones(0, 15)  # each once


def test_a_server_killed_while_holding_requests_stores_them_when_started_again(site):
    server, client = start_server(site.env)
    site.away()
    during = send_all(client, phones(20, 8))
    stop(server, signal.SIGKILL)
    site.back()

    server, _client = start_server(site.env)
    try:
        stored = wait_for_rows(site.env, 8)
    finally:
        stop(server)

    assert during == [302] * 8
    assert stored == phones(20, 8)


def test_two_processes_draining_at_once_store_each_request_once(site, tmp_path):
    server, client = start_server({**site.env, "HELD_REQUESTS_DRAIN": "false"})
    try:
        site.away()
        during = send_all(client, phones(40, 10))
    finally:
        stop(server)
    site.back()
    drain = [sys.executable, "manage.py", "held_requests", "--drain"]

    drainers = [
        subprocess.Popen(drain, cwd=PROJECT_DIR, env=site.env, stdout=subprocess.DEVNULL)
        for _ in range(2)
    ]
    codes = [process.wait(timeout=60) for process in drainers]

    assert during == [302] * 10
    assert codes == [0, 0]
    assert stored_phones(site.env) == phones(40, 10)
