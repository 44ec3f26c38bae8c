import ipaddress

from django.test import RequestFactory

from consultations.ratelimit import client_ip, client_key


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
