"""gunicorn's workers send the staff emails themselves: while the mail server hangs the
patients' thanks pages don't wait, and once it is back every email arrives, once."""

import re
import time

import pytest

from tests.production_client import ProductionClient
from tests.servers import ServerDatabase, free_port, server_env, start_gunicorn
from tests.smtp import HangingSMTP, TinySMTP

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("empty_cache")]

SECRET = "insecure-key-for-tests-only"


def test_the_servers_send_what_waited_once_the_mail_server_is_back(tmp_path, collected_static):
    port = free_port()
    env = server_env(
        collected_static,
        HELD_REQUESTS_DIR=tmp_path / "held",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_USE_TLS="false",
        # A hanging mail server and a retry in seconds, not the production 10 s and 30 s.
        EMAIL_TIMEOUT=2,
        STAFF_EMAIL_FIRST_RETRY_SECONDS=2,
        CONSULTATION_NOTIFY_EMAILS="desk@clinic.example",
        CONSULTATION_RATE_SOFT_LIMIT=1000,
        CONSULTATION_RATE_HARD_LIMIT=1000,
    )
    database = ServerDatabase(tmp_path, env)
    process, base_url = start_gunicorn(database.env, workers=2)
    try:
        patient = ProductionClient(base_url, "127.0.0.1", SECRET, scheme="http")
        with HangingSMTP(port):
            for n in range(3):
                started = time.monotonic()
                assert patient.send_request(f"Patient {n}", f"+97150{n:07d}") == 302
                assert time.monotonic() - started < 1.5
            time.sleep(6)  # a sender has tried, and hangs on the mail server
        with TinySMTP(port) as mail_server:
            deadline = time.monotonic() + 60
            while len(mail_server.messages) < 3 and time.monotonic() < deadline:
                time.sleep(0.5)
            time.sleep(6)  # a second sending would have come by now
    finally:
        process.terminate()
        process.wait(timeout=30)

    linked = sorted(
        int(re.search(r"consultationrequest/(\d+)/change/", message)[1])
        for message in mail_server.messages
    )
    assert len(linked) == 3
    assert len(set(linked)) == 3
