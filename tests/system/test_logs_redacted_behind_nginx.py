"""nginx's access log, as deploy/nginx/log-format.conf writes it, after a visit link and a feed."""

import json
import time

import pytest

from tests.production_client import ProductionClient
from tests.system.test_behind_nginx import SECRET, site_behind_nginx  # noqa: F401 (a fixture)
from tests.system.test_logs_redacted import VISITS, assert_no_secrets

pytestmark = pytest.mark.django_db(transaction=True)


def test_nginx_logs_no_visit_token_or_feed_key(site_behind_nginx):  # noqa: F811
    base_url, access_log = site_behind_nginx
    client = ProductionClient(base_url, "127.0.0.1", SECRET)

    for path in VISITS:
        client.request("GET", path)
    time.sleep(0.2)

    lines = [json.loads(line) for line in access_log.read_text().splitlines()]
    assert [line["path"] for line in lines[-len(VISITS) :]] == list(VISITS.values())
    assert_no_secrets(access_log.read_text())


def test_nginx_still_logs_other_paths_as_they_are(site_behind_nginx):  # noqa: F811
    base_url, access_log = site_behind_nginx
    client = ProductionClient(base_url, "127.0.0.1", SECRET)

    client.request("GET", "/ar/consultation/time/?r=0507654321")
    time.sleep(0.2)

    line = json.loads(access_log.read_text().splitlines()[-1])
    assert line["path"] == "/ar/consultation/time/"
    assert_no_secrets(access_log.read_text())
