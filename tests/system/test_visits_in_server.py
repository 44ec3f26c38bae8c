"""A server process stopped cleanly stores the counts it had not stored yet."""

import sqlite3
import urllib.request

import pytest

from tests.servers import ServerDatabase, server_env, start_gunicorn
from visits.models import PageDay

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("empty_cache")]

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"


def stored_views(database):
    if database.sqlite_path:
        with sqlite3.connect(database.sqlite_path) as db:
            return db.execute("SELECT COALESCE(SUM(views), 0) FROM visits_pageday").fetchone()[0]
    return sum(PageDay.objects.values_list("views", flat=True))


def test_a_server_stopped_cleanly_stores_its_last_counts(collected_static, tmp_path):
    # The flusher would wait an hour: only the way out can store these.
    env = server_env(collected_static, VISITS_FLUSH_SECONDS=3600)
    database = ServerDatabase(tmp_path, env)
    process, base_url = start_gunicorn(database.env, workers=1)
    try:
        for path in ("/", "/faq/", "/ar/faq/"):
            request = urllib.request.Request(base_url + path, headers={"User-Agent": BROWSER})
            with urllib.request.urlopen(request, timeout=30) as response:
                assert response.status == 200
        counted_before_stopping = stored_views(database)
    finally:
        process.terminate()
        process.wait(timeout=30)

    assert counted_before_stopping == 0
    assert stored_views(database) == 3
