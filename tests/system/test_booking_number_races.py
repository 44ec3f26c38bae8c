"""One active time per phone number, decided in the transaction that takes the time: requests of
the same patient (the number as phone on some, as WhatsApp on others) racing for different
times at once leave one of them holding a time, on SQLite and on PostgreSQL."""

import json
import subprocess
import sys

import pytest

from tests.servers import PROJECT_DIR, ServerDatabase, server_env
from tests.system.test_booking_races import database_bookings

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("empty_cache")]

THREADS = 12

# Run by `manage.py shell` on the servers' database, as tests/system/test_booking_races.py does
# (SQLite's in-memory test database can't take concurrent writers from threads).
NUMBER_RACE = """
import json, threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from django.db import connection
from booking import taking
from tests.factories import dubai, make_request
NUMBER = "+971501234567"
def patient(n):
    if n % 2:
        return make_request(phone=NUMBER)
    return make_request(phone=f"+9715200000{n:02d}", whatsapp=NUMBER)
patients = [patient(n) for n in range(THREADS)]
barrier = threading.Barrier(THREADS)
def race(n):
    barrier.wait()
    try:
        taking.take(patients[n], dubai(2026, 12, 1, 10, 0) + timedelta(minutes=30 * n))
        return "held"
    except Exception as error:
        return type(error).__name__
    finally:
        connection.close()
with ThreadPoolExecutor(THREADS) as pool:
    print(json.dumps(list(pool.map(race, range(THREADS)))))
"""


def test_requests_of_one_number_racing_for_different_times_leave_one_holding_a_time(
    collected_static, tmp_path
):
    database = ServerDatabase(tmp_path, server_env(collected_static))

    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", NUMBER_RACE.replace("THREADS", str(THREADS))],
        cwd=PROJECT_DIR, env=database.env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip

    results = json.loads(result.stdout.strip().splitlines()[-1])
    assert sorted(results) == ["NumberHasTime"] * (THREADS - 1) + ["held"]
    assert database_bookings(database) == 1
