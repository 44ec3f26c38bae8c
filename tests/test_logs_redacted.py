"""No log the documented setup writes keeps a visit link's token, a calendar feed's key or a query
string: gunicorn's access and error lines, Django's own lines and the CSP reports."""

import contextlib
import json
import logging
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

from booking import visit
from ground.logs import JsonFormatter
from tests.servers import PROJECT_DIR, copy_migrated_sqlite, free_port, server_env, wait_until_up

TOKEN = "417:Zm9vYmFyVmlzaXRUb2tlblNlY3JldA"
KEY = "FeedKeySecretQ2FsZW5kYXJGZWVk"
SECRETS = [TOKEN, KEY, "Zm9vYmFy", "FeedKeySecret", "0507654321"]

VISITS = {
    f"/consultation/time/visit/{TOKEN}/": "/consultation/time/visit/[redacted]/",
    f"/ar/consultation/time/visit/{TOKEN}/cancel/": (
        "/ar/consultation/time/visit/[redacted]/cancel/"
    ),
    f"/consultation/time/visit/{TOKEN}/calendar.ics?r=0507654321": (
        "/consultation/time/visit/[redacted]/calendar.ics"
    ),
    f"/calendar/{KEY}.ics": "/calendar/[redacted]",
}


def assert_no_secrets(text):
    for secret in SECRETS:
        assert secret not in text


def run_gunicorn(env, app, log_path, paths):
    """gunicorn as docs/operations.md starts it (deploy/gunicorn.conf.py), asked for each path."""
    port = free_port()
    config = ["-c", "deploy/gunicorn.conf.py", "-b", f"127.0.0.1:{port}", "-w", "1"]
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", *config, app],
            cwd=PROJECT_DIR,
            env=env,
            stderr=log,
        )
        try:
            wait_until_up(f"http://127.0.0.1:{port}", server)
            for path in paths:
                with contextlib.suppress(urllib.error.HTTPError):
                    urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10).read()
        finally:
            server.terminate()
            server.wait(timeout=30)
    return [json.loads(line) for line in log_path.read_text().splitlines() if line]


def test_gunicorns_access_lines_name_no_token_or_feed_key(tmp_path, collected_static):
    env = server_env(collected_static, DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    copy_migrated_sqlite(tmp_path / "db.sqlite3", env)

    lines = run_gunicorn(env, "clinic_site.wsgi", tmp_path / "gunicorn.log", VISITS)

    access = [line["path"] for line in lines if line["logger"] == "gunicorn.access"]
    assert access[-len(VISITS) :] == list(VISITS.values())
    assert_no_secrets((tmp_path / "gunicorn.log").read_text())


def test_gunicorns_error_line_names_no_query_string_or_token(tmp_path):
    env = server_env(tmp_path)
    paths = ["/admin/consultations/?q=0507654321", f"/consultation/time/visit/{TOKEN}/"]

    lines = run_gunicorn(env, "tests.failing_wsgi:application", tmp_path / "g.log", paths)

    errors = [line["message"] for line in lines if line["logger"] == "gunicorn.error"]
    assert "Error handling request GET /admin/consultations/?[redacted]" in errors
    assert "Error handling request GET /consultation/time/visit/[redacted]/" in errors
    assert_no_secrets((tmp_path / "g.log").read_text())


@pytest.fixture
def json_log():
    lines = []

    class Collect(logging.Handler):
        def emit(self, record):
            lines.append(self.format(record))

    handler = Collect(level=logging.DEBUG)
    handler.setFormatter(JsonFormatter())
    logging.getLogger().addHandler(handler)
    yield lines
    logging.getLogger().removeHandler(handler)


@pytest.mark.django_db
def test_djangos_error_line_names_no_token(client, json_log, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("the visit page failed")

    monkeypatch.setattr(visit.VisitView, "get", fail)
    client.raise_request_exception = False

    client.get(f"/consultation/time/visit/{TOKEN}/")

    assert any(
        "Internal Server Error: /consultation/time/visit/[redacted]/" in line for line in json_log
    )
    assert_no_secrets("\n".join(json_log))


@pytest.mark.django_db
@pytest.mark.usefixtures("empty_cache")
def test_a_csp_report_line_names_no_token_or_feed_key(client, caplog):
    caplog.set_level(logging.INFO)
    report = {
        "document-uri": f"https://www.eclaclinic.ae/ar/consultation/time/visit/{TOKEN}/",
        "effective-directive": "img-src",
        "blocked-uri": f"https://www.eclaclinic.ae/calendar/{KEY}.ics",
    }

    client.generic(
        "POST", "/csp-report/", json.dumps({"csp-report": report}), "application/csp-report"
    )

    (line,) = [r.getMessage() for r in caplog.records if r.name == "security.views"]
    assert line == (
        "CSP violation: img-src blocked https://www.eclaclinic.ae/calendar/[redacted] "
        "on https://www.eclaclinic.ae/ar/consultation/time/visit/[redacted]/"
    )
