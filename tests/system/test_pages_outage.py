"""A real server process that has not read the clinic's content yet when the database goes away
(as one started during the outage): a page answers 503 with the clinic's error page, its phone and
address, instead of a page without its words, and keeps nothing; once the database is back, the
page has its words."""

import time

import pytest
from django.db import connection

from content.live import RETRY_SECONDS
from tests.outage import outage_for
from tests.production_client import ProductionClient
from tests.servers import copy_migrated_sqlite, server_env, start_gunicorn

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("empty_cache")]


@pytest.fixture
def site(tmp_path, collected_static):
    base = server_env(collected_static, CLINIC_PHONE="+971 4 123 4567")
    outage = outage_for(base, tmp_path)
    if connection.vendor == "sqlite":
        copy_migrated_sqlite(outage.env["DATABASE_URL"].removeprefix("sqlite:///"), outage.env)
    return outage


def test_a_page_never_read_is_503_while_the_database_is_away_then_has_its_words(site):
    process, base_url = start_gunicorn(site.env, workers=1)
    client = ProductionClient(base_url, "127.0.0.1", "insecure-key-for-tests-only", scheme="http")
    try:
        site.away()
        away, away_body = client.request("GET", "/ar/procedure/")
        site.back()
        time.sleep(RETRY_SECONDS + 0.5)
        back, back_body = client.request("GET", "/ar/procedure/")
    finally:
        process.terminate()
        process.wait(timeout=30)

    assert away.status == 503
    assert away.getheader("Retry-After") == "30"
    assert "+971 4 123 4567" in away_body
    assert back.status == 200
    assert "إجراء حقن الإكسوسومات" in back_body
