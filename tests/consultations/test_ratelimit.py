import ipaddress
import json
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.test import RequestFactory

from ground.client import client_ip, client_key
from tests.servers import ServerDatabase, gunicorn, server_env


def request_from(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/consultation/", **extra)


def test_without_trusted_proxies_the_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0

    ip = client_ip(request_from("198.51.100.4", "203.0.113.9"))

    assert ip == ipaddress.ip_address("198.51.100.4")


def test_with_two_trusted_proxies_the_client_is_second_from_the_end(settings):
    settings.TRUSTED_PROXY_COUNT = 2

    ip = client_ip(request_from("10.0.0.2", "1.2.3.4, 203.0.113.9, 10.0.0.1"))

    assert ip == ipaddress.ip_address("203.0.113.9")


def test_a_short_forwarded_header_falls_back_to_the_connecting_address(settings):
    settings.TRUSTED_PROXY_COUNT = 2

    ip = client_ip(request_from("10.0.0.2", "203.0.113.9"))

    assert ip == ipaddress.ip_address("10.0.0.2")


def test_one_ipv6_subscriber_network_is_one_client():
    first = client_key(ipaddress.ip_address("2001:db8:1:2::1"))
    same_network = client_key(ipaddress.ip_address("2001:db8:1:2:ffff::9"))
    other_network = client_key(ipaddress.ip_address("2001:db8:1:3::1"))

    assert first == same_network != other_network


def test_garbage_addresses_share_one_bucket(settings):
    settings.TRUSTED_PROXY_COUNT = 1

    ip = client_ip(request_from("10.0.0.2", "not-an-ip"))

    assert ip is None
    assert client_key(ip) == "unknown"


@pytest.mark.django_db(transaction=True)
def test_many_clients_at_once_are_each_counted_on_the_embedded_default(tmp_path, collected_static):
    """SQLite and the database cache, four server processes, sixteen sends at a time from one
    address: the CSP endpoint's limit (60 in ten minutes) lets exactly 60 through."""
    database = ServerDatabase(tmp_path, server_env(collected_static))
    with gunicorn(database.env, workers=4) as base_url, ThreadPoolExecutor(16) as pool:
        statuses = list(pool.map(lambda _: send_csp_report(base_url), range(100)))

    assert statuses.count(204) == 60
    assert statuses.count(429) == 40


def send_csp_report(base_url):
    report = {"document-uri": "https://x.test/", "effective-directive": "img-src"}
    request = urllib.request.Request(
        f"{base_url}/csp-report/",
        json.dumps({"csp-report": report}).encode(),
        {"Content-Type": "application/csp-report"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
