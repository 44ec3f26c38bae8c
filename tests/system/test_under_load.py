"""The site under gunicorn with several processes: nothing lost, limits shared."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.patient_client import PatientBrowser
from tests.servers import ServerDatabase, gunicorn, server_env

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("empty_cache")]


def send_one_request(base_url, n):
    browser = PatientBrowser(base_url)
    hidden = browser.open_form()
    return browser.send(hidden, name=f"Patient {n}", phone=f"+97150{n:07d}")


def test_concurrent_requests_are_all_stored(collected_static, tmp_path):
    env = server_env(
        collected_static,
        CONSULTATION_MIN_FILL_SECONDS=0,
        CONSULTATION_RATE_SOFT_LIMIT=10_000,
        CONSULTATION_RATE_HARD_LIMIT=10_000,
    )
    database = ServerDatabase(tmp_path, env)
    requests = 120

    with gunicorn(database.env, workers=4) as base_url, ThreadPoolExecutor(24) as pool:
        results = list(pool.map(lambda n: send_one_request(base_url, n), range(requests)))

    assert [status for status, _location in results] == [302] * requests
    assert all(location.startswith("/consultation/thanks/?ref=") for _status, location in results)
    assert database.count_requests() == requests


def test_the_rate_limit_holds_across_separate_server_processes(collected_static, tmp_path):
    env = server_env(
        collected_static, CONSULTATION_MIN_FILL_SECONDS=0, CONSULTATION_RATE_HARD_LIMIT=4
    )
    database = ServerDatabase(tmp_path, env)

    with gunicorn(database.env) as first, gunicorn(database.env) as second:
        codes = [send_one_request(url, n)[0] for n, url in enumerate([first, second] * 3)]

    assert codes == [302, 302, 302, 302, 429, 429]
    assert database.count_requests() == 4
