"""The repo's own nginx configuration (deploy/nginx/) in front of gunicorn: what it hands over."""

import json
import subprocess
import time
from pathlib import Path

import pytest

from tests.production_client import ProductionClient
from tests.servers import PROJECT_DIR, ServerDatabase, free_port, gunicorn, server_env

NGINX = Path("/usr/sbin/nginx")
DEPLOY = PROJECT_DIR / "deploy/nginx"
SECRET = "insecure-key-for-tests-only"

pytestmark = pytest.mark.django_db(transaction=True)


def nginx_conf(folder, port, upstream):
    """The production proxy settings and log format, on plain HTTP and a throwaway prefix."""
    temp_paths = "\n".join(
        f"    {name}_temp_path {folder}/{name};"
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""
pid {folder}/nginx.pid;
error_log {folder}/error.log;
daemon off;
events {{ worker_connections 64; }}
http {{
{temp_paths}
    include {DEPLOY}/log-format.conf;
    access_log {folder}/access.log ecla_json;
    upstream site {{ server {upstream}; }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            include {DEPLOY}/proxy.conf;
            proxy_pass http://site;
        }}
    }}
}}
"""


@pytest.fixture
def site_behind_nginx(tmp_path, collected_static, empty_cache):
    """nginx in front of a gunicorn, with no rate-limit count left by a test before (on
    PostgreSQL the servers share the test's Redis database, where a count lasts its hour)."""
    if not NGINX.exists():
        pytest.fail("nginx is missing: run `make setup`.")
    env = server_env(collected_static, TRUSTED_PROXY_COUNT=1, CONSULTATION_RATE_HARD_LIMIT=3)
    env = ServerDatabase(tmp_path, env).env
    with gunicorn(env) as upstream:
        port = free_port()
        conf = tmp_path / "nginx.conf"
        conf.write_text(nginx_conf(tmp_path, port, upstream.removeprefix("http://")))
        nginx = subprocess.Popen([NGINX, "-c", conf, "-p", tmp_path, "-e", tmp_path / "error.log"])
        time.sleep(0.5)
        try:
            yield f"http://127.0.0.1:{port}", tmp_path / "access.log"
        finally:
            nginx.terminate()
            nginx.wait(timeout=10)


def test_a_rotating_forwarded_for_does_not_escape_the_limit_behind_nginx(site_behind_nginx):
    base_url, _ = site_behind_nginx
    statuses = []
    for n in range(5):
        forged = f"198.51.100.{n}"
        client = ProductionClient(
            base_url, "127.0.0.1", SECRET, client_address=forged, scheme="http"
        )
        statuses.append(client.send_request(f"Patient {n}", f"05012{n:05d}"))

    assert statuses == [302, 302, 302, 429, 429]


def test_nginx_logs_no_query_strings(site_behind_nginx):
    base_url, access_log = site_behind_nginx
    client = ProductionClient(base_url, "127.0.0.1", SECRET)

    client.request("GET", "/admin/login/?next=/admin/%3Fq%3D0507654321")
    time.sleep(0.2)

    line = json.loads(access_log.read_text().splitlines()[-1])
    assert line["path"] == "/admin/login/"
    assert "0507654321" not in access_log.read_text()
    assert len(line["request_id"]) == 32
