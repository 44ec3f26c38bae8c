"""Never two patients in one time beyond its capacity, decided by the database: many threads in
one process, then several gunicorn processes, all sending the same time at once."""

import json
import re
import subprocess
import sys
import threading
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from booking import taking
from booking.models import Booking
from tests.factories import dubai, make_request
from tests.patient_client import PatientBrowser
from tests.servers import PROJECT_DIR, ServerDatabase, gunicorn, server_env

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("empty_cache")]

THREADS = 12


# Run by `manage.py shell` on the servers' database: SQLite's in-memory test database can't take
# concurrent writers from threads (its shared cache answers "table is locked"), a file can.
THREAD_RACE = """
import json, threading
from concurrent.futures import ThreadPoolExecutor
from django.db import connection
from booking import taking
from tests.factories import dubai, make_request
patients = [make_request(phone=f"+9715000000{n:02d}") for n in range(THREADS)]
barrier = threading.Barrier(THREADS)
def race(patient):
    barrier.wait()
    try:
        taking.take(patient, dubai(2026, 12, 1, 10, 30))
        return "held"
    except taking.TimeTaken:
        return "taken"
    finally:
        connection.close()
with ThreadPoolExecutor(THREADS) as pool:
    print(json.dumps(list(pool.map(race, patients))))
"""


def test_twelve_threads_racing_for_one_time_leave_one_holding_it(collected_static, tmp_path):
    database = ServerDatabase(tmp_path, server_env(collected_static))

    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", THREAD_RACE.replace("THREADS", str(THREADS))],
        cwd=PROJECT_DIR, env=database.env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip

    results = json.loads(result.stdout.strip().splitlines()[-1])
    assert sorted(results) == ["held"] + ["taken"] * (THREADS - 1)
    assert database_bookings(database) == 1


def test_staff_confirming_a_time_the_patient_cancelled_meanwhile_is_refused():
    booking = Booking.objects.create(
        request=make_request(),
        starts_at=dubai(2026, 12, 1, 10, 30),
        ends_at=dubai(2026, 12, 1, 11, 0),
        status="held",
    )
    stale = Booking.objects.get(pk=booking.pk)
    taking.free(booking, Booking.Status.CANCELLED)

    with pytest.raises(taking.NotHeld):
        taking.confirm(stale)

    assert Booking.objects.get().status == "cancelled"


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_postgresql_refuses_an_overlapping_time_that_starts_elsewhere():
    from django.db import IntegrityError

    Booking.objects.create(
        request=make_request(),
        starts_at=dubai(2026, 12, 1, 10, 30),
        ends_at=dubai(2026, 12, 1, 11, 0),
        status="confirmed",
    )

    with pytest.raises(IntegrityError):
        Booking.objects.create(
            request=make_request(phone="+971509999999"),
            starts_at=dubai(2026, 12, 1, 10, 45),  # a slot length changed: overlaps 10:30
            ends_at=dubai(2026, 12, 1, 11, 15),
            status="held",
        )


def ask_and_open_the_picker(base_url, n):
    """A patient sends the form, then opens the picker from the thanks page."""
    browser = PatientBrowser(base_url)
    _status, thanks = browser.send(browser.open_form(), name=f"Patient {n}", phone=f"+97150{n:07d}")
    with browser.opener.open(base_url + thanks, timeout=30) as response:
        link = re.search(r'href="(/consultation/time/\?r=[^"]+)"', response.read().decode())
    with browser.opener.open(base_url + link.group(1).replace("&amp;", "&"), timeout=30) as page:
        html = page.read().decode()
    fields = {
        name: re.search(rf'name="{name}" value="([^"]*)"', html).group(1)
        for name in ("csrfmiddlewaretoken", "r", "time")
    }
    return browser, fields


def choose(base_url, browser, fields, time):
    data = urllib.parse.urlencode({**fields, "time": time}).encode()
    request = urllib.request.Request(
        f"{base_url}/consultation/time/", data=data, headers={"Referer": base_url + "/"}
    )
    try:
        with browser.opener.open(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_patients_racing_through_three_server_processes_leave_one_holding_the_time(
    collected_static, tmp_path
):
    env = server_env(
        collected_static,
        CONSULTATION_MIN_FILL_SECONDS=0,
        CONSULTATION_RATE_SOFT_LIMIT=10_000,
        CONSULTATION_RATE_HARD_LIMIT=10_000,
    )
    database = ServerDatabase(tmp_path, env)

    with gunicorn(database.env, workers=3) as base_url:
        with ThreadPoolExecutor(THREADS) as pool:
            patients = list(
                pool.map(lambda n: ask_and_open_the_picker(base_url, n), range(THREADS))
            )
        time = patients[0][1]["time"]  # the first free time, as every patient sees it
        barrier = threading.Barrier(THREADS)

        def race(patient):
            barrier.wait()
            return choose(base_url, *patient, time)

        with ThreadPoolExecutor(THREADS) as pool:
            codes = list(pool.map(race, patients))

    assert sorted(codes) == [302] + [409] * (THREADS - 1)
    assert database_bookings(database) == 1


def database_bookings(database):
    query = "SELECT COUNT(*) FROM booking_booking WHERE status IN ('held', 'confirmed')"
    if database.sqlite_path:
        import sqlite3

        with sqlite3.connect(database.sqlite_path) as db:
            return db.execute(query).fetchone()[0]
    with connection.cursor() as cursor:
        cursor.execute(query)
        return cursor.fetchone()[0]
