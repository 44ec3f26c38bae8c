"""The visitor's key: salted for the day, the salt shared, then deleted; the limits' key keyed."""

import hashlib
import ipaddress
from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from ground.client import client_key
from visits import salt
from visits.visitor import visitor_key

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]

DAY = date(2026, 12, 6)
AGENT = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"


@pytest.fixture(autouse=True)
def _no_salt_in_this_process():
    salt.forget()
    yield
    salt.forget()


def request_from(address="198.51.100.7", agent=AGENT, host="testserver"):
    return RequestFactory().get("/", REMOTE_ADDR=address, HTTP_USER_AGENT=agent, HTTP_HOST=host)


def test_the_key_is_the_same_for_a_visitor_all_day():
    assert visitor_key(request_from(), DAY) == visitor_key(request_from(), DAY)


@pytest.mark.parametrize(
    "other",
    [{"address": "198.51.100.8"}, {"agent": AGENT + " changed"}, {"host": "localhost"}],
)
def test_another_address_browser_or_host_is_another_visitor(other):
    assert visitor_key(request_from(), DAY) != visitor_key(request_from(**other), DAY)


def test_an_ipv6_visitor_is_one_visitor_across_their_64():
    first = request_from("2001:db8:1:2::10")
    second = request_from("2001:db8:1:2:ffff::1")

    assert visitor_key(first, DAY) == visitor_key(second, DAY)


def test_the_next_day_the_same_visitor_has_a_new_key():
    assert visitor_key(request_from(), DAY) != visitor_key(request_from(), DAY + timedelta(1))


def test_the_key_holds_neither_the_address_nor_the_agent():
    key = visitor_key(request_from(), DAY)

    assert "198.51.100.7" not in key
    assert key != hashlib.sha256(b"testserver\n198.51.100.7\n" + AGENT.encode()).hexdigest()[:32]


def test_every_process_uses_the_salt_the_first_one_made():
    first = salt.salt_of(DAY)
    salt.forget()  # another process, which has no copy of its own

    assert salt.salt_of(DAY) == first


def test_a_new_days_salt_deletes_the_days_before():
    salt.salt_of(DAY)
    salt.salt_of(DAY + timedelta(days=1))

    assert cache.get(salt.cache_key(DAY)) is None
    assert cache.get(salt.cache_key(DAY + timedelta(days=1))) is not None


def test_a_salt_nobody_deletes_expires_within_48_hours(monkeypatch):
    timeouts = []
    add = cache.add

    def recording_add(key, value, timeout):
        timeouts.append(timeout)
        return add(key, value, timeout)

    monkeypatch.setattr(cache, "add", recording_add)

    salt.salt_of(DAY)

    assert 0 < timeouts[0] <= 48 * 3600


def test_the_rate_limits_key_is_keyed_not_a_plain_hash_of_the_address():
    address = ipaddress.ip_address("203.0.113.9")

    key = client_key(address)

    assert key != hashlib.sha256(b"203.0.113.9").hexdigest()[:32]
    assert key == client_key(ipaddress.ip_address("203.0.113.9"))
    assert key != client_key(ipaddress.ip_address("203.0.113.10"))


def test_the_rate_limits_key_changes_with_the_secret_key(settings):
    address = ipaddress.ip_address("203.0.113.9")
    before = client_key(address)

    settings.SECRET_KEY = "another-secret-key-for-this-test"

    assert client_key(address) != before
