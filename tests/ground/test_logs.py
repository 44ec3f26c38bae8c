"""Log lines: one JSON object each, with time offset and request id, and no patient's details."""

import json
import logging
import subprocess
import sys
import urllib.request
from datetime import datetime

import pytest

from consultations.notifications import send_due
from ground.logs import JsonFormatter
from tests.factories import form_data
from tests.servers import PROJECT_DIR, copy_migrated_sqlite, free_port, server_env, wait_until_up


def gunicorn_args(port):
    return ["-b", f"127.0.0.1:{port}", "-w", "1", "clinic_site.wsgi"]


PATIENT = {"name": "Layla Hassan", "phone": "050 765 4321", "message": "Thinning since 2023"}
PATIENT_TRACES = ["Layla", "Hassan", "7654321", "765 4321", "Thinning"]


@pytest.fixture
def json_log():
    """Every log line written while the test runs, as the production formatter writes it."""
    lines = []

    class Collect(logging.Handler):
        def emit(self, record):
            lines.append(self.format(record))

    handler = Collect(level=logging.DEBUG)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    yield lines
    root.removeHandler(handler)


def assert_no_patient_details(lines):
    text = "\n".join(lines)
    for trace in PATIENT_TRACES:
        assert trace not in text


def test_a_line_is_json_with_an_iso_time_offset_and_the_request_id(client, json_log):
    logging.getLogger("consultations").warning("probe")
    response = client.get("/no-such-page/", HTTP_X_REQUEST_ID="req-1234567890")
    logging.getLogger("consultations").warning("after the request")

    first = json.loads(json_log[0])
    assert first["message"] == "probe"
    assert datetime.fromisoformat(first["time"]).utcoffset() is not None
    assert response["X-Request-ID"] == "req-1234567890"


@pytest.mark.django_db  # the page's words: the published content
def test_a_forged_request_id_is_replaced(client):
    response = client.get("/faq/", HTTP_X_REQUEST_ID='x" injected\n')

    assert len(response["X-Request-ID"]) == 32


@pytest.mark.django_db
@pytest.mark.usefixtures("empty_cache")
def test_the_form_logs_no_patient_details_valid_or_not(client, json_log, settings):
    settings.CONSULTATION_NOTIFY_EMAILS = ["desk@clinic.example"]

    client.post("/consultation/", form_data(**PATIENT, consent=None))
    client.post("/consultation/", form_data(**PATIENT))

    assert_no_patient_details(json_log)


@pytest.mark.django_db(transaction=True)
def test_a_failing_staff_email_logs_no_patient_details(client, json_log, settings, monkeypatch):
    settings.CONSULTATION_NOTIFY_EMAILS = ["desk@clinic.example"]

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("SMTP server down")

    monkeypatch.setattr("consultations.notifications.send_mail", refuse)

    response = client.post("/consultation/", form_data(**PATIENT))
    send_due()

    assert response.status_code == 302
    assert any("Could not email staff" in line for line in json_log)
    assert_no_patient_details(json_log)


@pytest.mark.django_db
def test_an_unavailable_rate_limit_store_logs_no_patient_details(client, json_log, monkeypatch):
    def down(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr("django.core.cache.cache.add", down)

    response = client.post("/consultation/", form_data(**PATIENT))

    assert response.status_code == 302
    assert any("Rate limit store unavailable" in line for line in json_log)
    assert_no_patient_details(json_log)


@pytest.mark.system
def test_gunicorn_access_lines_are_json_without_query_strings(tmp_path, collected_static):
    env = server_env(collected_static, DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    copy_migrated_sqlite(tmp_path / "db.sqlite3", env)
    port = free_port()
    log_path = tmp_path / "gunicorn.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-c",
                "deploy/gunicorn.conf.py",
                *gunicorn_args(port),
            ],
            cwd=PROJECT_DIR,
            env=env,
            stderr=log,
        )
        try:
            wait_until_up(f"http://127.0.0.1:{port}", server)
            search = f"http://127.0.0.1:{port}/admin/login/?q=0507654321&next=/admin/%3Fq%3DLayla"
            urllib.request.urlopen(search, timeout=10).read()
        finally:
            server.terminate()
            server.wait(timeout=30)

    lines = [json.loads(line) for line in log_path.read_text().splitlines() if line]
    access = [line for line in lines if line["logger"] == "gunicorn.access"]
    assert (access[-1]["path"], access[-1]["status"]) == ("/admin/login/", 200)
    assert len(access[-1]["request_id"]) == 32
    assert_no_patient_details([log_path.read_text()])
    assert "0507654321" not in log_path.read_text()
