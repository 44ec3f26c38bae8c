"""Fifty visitors through the real server behind one trusted proxy: bots, link previews,
prefetches, people from a campaign link, some who send the form and choose a time; then exactly
the expected numbers in the visits report and its CSV, and none of their addresses or browsers
anywhere in the database, the shared cache or the server's log."""

import csv
import io
import json
import sqlite3
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.db import connection

from tests.servers import PROJECT_DIR, ServerDatabase, server_env, start_gunicorn
from tests.visitors import (
    ARABIC_CAMPAIGN_LINK,
    BOTS,
    CAMPAIGN_LINK,
    RAMADAN,
    SPRING,
    Expected,
    Visitor,
    address,
    agent,
    phone,
)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("empty_cache")]


def play_fifty_visitors(base_url, expected):
    visitors = []
    # 8 bots and link previews, from the campaign link and elsewhere: left out as bots.
    for n, bot in enumerate(BOTS):
        status, _html, _headers = Visitor(base_url, n, bot, expected).open(
            CAMPAIGN_LINK if n % 2 else "/faq/"
        )
        assert status == 200
    # 2 browsers prefetching a page nobody may look at: left out as prefetches.
    for n in (8, 9):
        prefetching = Visitor(base_url, n, agent(n), expected, **{"Sec-Purpose": "prefetch"})
        assert prefetching.open("/faq/")[0] == 200
    # 16 people from the Instagram campaign link, 3 of them through Instagram's link redirect.
    for n in range(10, 26):
        visitor = Visitor(base_url, n, agent(n), expected)
        referrer = {"Referer": "https://l.instagram.com/?u=x"} if n < 13 else {}
        visitor.view(CAMPAIGN_LINK, **referrer)
        visitor.view("/faq/")
        visitors.append(visitor)
    # 6 people on the Arabic pages from a Google advert.
    for n in range(26, 32):
        visitor = Visitor(base_url, n, agent(n), expected)
        visitor.view(ARABIC_CAMPAIGN_LINK)
        visitors.append(visitor)
    # 18 people on the home page, 10 of them from a search.
    for n in range(32, 50):
        visitor = Visitor(base_url, n, agent(n), expected)
        referrer = {"Referer": "https://www.google.com/search?q=hair"} if n < 42 else {}
        visitor.view("/", **referrer)
        if n % 3 == 0:
            visitor.view("/exosome-therapy/")
        visitors.append(visitor)
    # Who sends the form, and who then chooses a time (each a time of their own).
    by_number = {visitor.n: visitor for visitor in visitors}
    thanks = {n: by_number[n].send_form("en") for n in (10, 11, 12, 13, 14, 15, 32, 33)}
    thanks |= {n: by_number[n].send_form("ar") for n in (26, 27)}
    chosen = set()
    for n in (10, 11, 12, 13, 26):
        by_number[n].choose_a_time(thanks[n], chosen)
    return by_number


# Run by `manage.py shell` on the servers' database: the front desk confirms some times, one
# patient attends, then the report's figures and CSV for today, as the owner would read them.
REPORT = """
import json
from django.contrib.auth.models import User
from django.test import RequestFactory
from booking import taking
from booking.models import Booking
from consultations.models import ConsultationRequest
from frontdesk import visits_report_views
from ground.hours import clinic_today
for phone in CONFIRMED:
    taking.confirm(Booking.objects.get(request__phone=phone, status="held"))
ConsultationRequest.objects.filter(phone__in=ATTENDED).update(status="attended")
owner = User.objects.create_superuser("owner", password="owner-pass-123456")
request = RequestFactory().get("/", {"format": "csv"})
request.user = owner
today = clinic_today()
data = visits_report_views.figures(today, today)
csv_text = visits_report_views.visits_csv(request, today, today).content.decode()
print(json.dumps({
    "languages": {
        language["code"]: {
            "landing": [[row["key"], [count for count, _ in row["cells"]]]
                        for row in language["landing"]],
            "campaign": [[row["key"], [count for count, _ in row["cells"]]]
                         for row in language["campaigns"]],
        }
        for language in data["languages"]
    },
    "referrers": data["referrers"],
    "pages": data["pages"],
    "left_out": data["left_out"],
    "bots": data["bots_left_out"],
    "csv": csv_text,
}))
"""


def run_report(database, confirmed, attended):
    script = REPORT.replace("CONFIRMED", repr(confirmed)).replace("ATTENDED", repr(attended))
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", script],
        cwd=PROJECT_DIR, env=database.env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def as_table(rows):
    return {tuple(key): counts for key, counts in rows}


def database_dump(database):
    """Every row of every table, as text."""
    if database.sqlite_path:
        with sqlite3.connect(database.sqlite_path) as db:
            return "\n".join(db.iterdump())
    db = connection.settings_dict
    return subprocess.run(
        ["pg_dump", "--data-only", "-h", db["HOST"], "-p", str(db["PORT"]), "-U", db["USER"],
         db["NAME"]],
        capture_output=True, text=True, check=True, timeout=120,
    ).stdout  # fmt: skip


def redis_dump():
    """Every key and value of the shared cache's Redis database, when the site uses one."""
    if not settings.REDIS_URL:
        return b""
    import redis

    client = redis.Redis.from_url(settings.REDIS_URL)
    held = []
    for key in client.scan_iter("*"):
        held.append(key)
        if client.type(key) == b"string":
            held.append(client.get(key) or b"")
    return b"\n".join(held)


def test_fifty_visitors_give_exactly_the_expected_report_and_leave_no_trace(
    collected_static, tmp_path
):
    env = server_env(
        collected_static,
        TRUSTED_PROXY_COUNT=1,
        VISITS_FLUSH_SECONDS=1,
        CONSULTATION_MIN_FILL_SECONDS=0,
        CONSULTATION_RATE_SOFT_LIMIT=10_000,
        CONSULTATION_RATE_HARD_LIMIT=10_000,
        LOG_LEVEL="INFO",
    )
    database = ServerDatabase(tmp_path, env)
    expected = Expected()
    log = tmp_path / "server.log"
    with log.open("wb") as log_file:
        process, base_url = start_gunicorn(database.env, workers=2, stderr=log_file)
        try:
            play_fifty_visitors(base_url, expected)
            time.sleep(3)  # each worker adds its counts to the database every second
        finally:
            process.terminate()
            process.wait(timeout=30)
    # The front desk confirms the times of visitors 10, 11 (campaign) and 26 (Arabic); 10 comes.
    for landing in [("en", "/exosome-therapy/", SPRING)] * 2 + [("ar", "/ar/faq/", RAMADAN)]:
        expected.step(landing, "confirmed")
    expected.step(("en", "/exosome-therapy/", SPRING), "attended")

    report = run_report(database, confirmed=[phone(10), phone(11), phone(26)], attended=[phone(10)])

    landing, campaigns = expected.funnel("landing"), expected.funnel("campaign")
    for language in ("en", "ar"):
        assert as_table(report["languages"][language]["landing"]) == {
            key: counts for key, counts in landing[language].items()
        }
        assert as_table(report["languages"][language]["campaign"]) == {
            key: counts for key, counts in campaigns[language].items()
        }
    assert landing["en"][("/exosome-therapy/",)] == [16, 46, 6, 4, 2, 1]
    assert landing["en"][("/",)] == [18, 26, 2, 0, 0, 0]
    assert landing["ar"][("/ar/faq/",)] == [6, 10, 2, 1, 1, 0]
    assert sum(expected.visitors.values()) == 40
    assert dict(map(tuple, report["referrers"])) == dict(expected.referrers)
    assert {path: views for path, _language, views in report["pages"]} == dict(expected.pages)
    assert report["bots"] == len(BOTS)
    assert dict(map(tuple, report["left_out"]))["Prefetched by a browser"] == 2
    rows = list(csv.reader(io.StringIO(report["csv"])))
    csv_landing = {
        (row[3], row[4]): [int(count) for count in row[8:]]
        for row in rows
        if row[0] == "landing page"
    }
    assert csv_landing == {
        (language, key[0]): counts
        for language, table in landing.items()
        for key, counts in table.items()
    }
    left_out_bots = [row for row in rows if row[0] == "left out: bot"]
    assert left_out_bots[0][9] == str(len(BOTS))

    # None of their addresses or browsers, anywhere.
    dump = database_dump(database)
    cache_dump = redis_dump()
    server_log = log.read_text(errors="replace")
    for n in range(50):
        for where in (dump, server_log):
            assert address(n) not in where
            assert f"EclaVisitor{n:02d}" not in where
        assert address(n).encode() not in cache_dump
        assert f"EclaVisitor{n:02d}".encode() not in cache_dump
    for bot in BOTS:
        assert bot not in dump
        assert bot.encode() not in cache_dump
