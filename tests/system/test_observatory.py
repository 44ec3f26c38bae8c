"""MDN HTTP Observatory, run offline against the site served by gunicorn as in production."""

import json
import subprocess

import pytest

from tests.servers import PROJECT_DIR, ServerDatabase, gunicorn, server_env

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("empty_cache")]

OBSERVATORY = PROJECT_DIR / "node_modules/.bin/mdn-http-observatory-scan"

# The tests plain HTTP cannot pass. In production the TLS proxy gives Django X-Forwarded-Proto,
# and with DJANGO_HTTPS on Django itself redirects to HTTPS, sends HSTS and marks cookies Secure
# (tests/clinic_site/test_security_headers.py checks all three under the production settings).
NEEDS_TLS = {
    "redirection": "the redirect from http:// to https:// needs an https:// site to go to",
    "strict-transport-security": "browsers ignore HSTS sent over plain HTTP, so Django sends none",
    "cookies": "a Secure cookie is only set over HTTPS (DJANGO_HTTPS), so it is off here",
}


def scan(base_url):
    if not OBSERVATORY.exists():
        pytest.fail(f"The Observatory is missing at {OBSERVATORY}: run `make setup`.")
    result = subprocess.run(
        [str(OBSERVATORY), base_url.removeprefix("http://")],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout)


def test_observatory_passes_everything_plain_http_can_pass(tmp_path, collected_static):
    env = server_env(collected_static)
    database = ServerDatabase(tmp_path, env)

    with gunicorn(database.env) as base_url:
        report = scan(base_url)

    assert report["scan"]["error"] is None
    assert report["scan"]["statusCode"] == 200
    failed = {
        name: test["result"]
        for name, test in report["tests"].items()
        if not test["pass"] and name not in NEEDS_TLS
    }
    assert failed == {}
    assert set(NEEDS_TLS) <= set(report["tests"])
    assert report["tests"]["content-security-policy"]["result"] == "csp-implemented-with-no-unsafe"
