"""While the shared cache is down the site keeps taking requests and logs it once a minute."""

import logging
import socket
import time

import pytest
from django.core.cache.backends.redis import RedisCache

from consultations import ratelimit
from consultations.models import ConsultationRequest
from ground import limits
from tests.factories import form_data

pytestmark = pytest.mark.django_db

RATE_LIMIT_LINE = "Rate limit store unavailable"
DUPLICATE_LINE = "Duplicate-submission store unavailable"


@pytest.fixture
def cache_down(monkeypatch):
    def down(*args, **kwargs):
        raise ConnectionError("cache unreachable")

    monkeypatch.setattr("django.core.cache.cache.add", down)


@pytest.fixture
def clock(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(limits.time, "monotonic", lambda: now[0])
    return now


def lines(caplog, text):
    return [record.getMessage() for record in caplog.records if text in record.getMessage()]


def send(client, n):
    return client.post("/consultation/", form_data(phone=f"050 123 45{n:02d}")).status_code


def test_many_requests_during_an_outage_are_all_stored_and_logged_once(
    client, cache_down, clock, caplog
):
    caplog.set_level(logging.ERROR)

    statuses = [send(client, n) for n in range(20)]

    assert statuses == [302] * 20
    assert ConsultationRequest.objects.count() == 20
    assert len(lines(caplog, RATE_LIMIT_LINE)) == 1
    assert len(lines(caplog, DUPLICATE_LINE)) == 1


def test_a_minute_later_the_outage_is_logged_again_with_the_count_in_between(
    client, cache_down, clock, caplog
):
    caplog.set_level(logging.ERROR)
    for n in range(3):
        send(client, n)

    clock[0] += 61
    send(client, 3)

    duplicate_lines = lines(caplog, DUPLICATE_LINE)
    assert len(duplicate_lines) == 2
    assert "(2 more since the last report)" in duplicate_lines[1]
    # Each request counts its attempt and its acceptance: 3 requests, one line, 5 unlogged.
    assert "(5 more since the last report)" in lines(caplog, RATE_LIMIT_LINE)[1]


def test_a_redis_that_stops_answering_fails_open_within_seconds(rf, settings):
    """A host that takes the connection and never answers: without timeouts, a hang."""
    with socket.create_server(("127.0.0.1", 0)) as silent:
        location = f"redis://127.0.0.1:{silent.getsockname()[1]}/0"
        silent_cache = RedisCache(location, {"OPTIONS": settings.REDIS_CACHE_OPTIONS})
        started = time.monotonic()

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(limits, "cache", silent_cache)
            counted = ratelimit.count(rf.post("/consultation/"), "attempts")

    assert counted == 0
    assert time.monotonic() - started < 5
