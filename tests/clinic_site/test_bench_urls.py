"""The benchmarks' minimal view exists only when a benchmark asks for it."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_minimal_view_is_not_there_by_default(client):
    assert client.get("/bench/minimal/").status_code == 404


def test_the_minimal_view_answers_behind_the_same_middleware_when_asked_for(client, settings):
    settings.ROOT_URLCONF = "clinic_site.bench_urls"

    response = client.get("/bench/minimal/")

    assert response.content == b"ok"
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert client.get("/faq/").status_code == 200
