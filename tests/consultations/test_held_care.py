"""What happens around a held request: who may read the file, what the log says, a patient's
copy and erasure, the retention purge, the command that lists them, many processes at once."""

import logging
import multiprocessing
import stat
import threading
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from consultations import held, patient_data
from consultations.drain import drain
from consultations.models import ConsultationRequest
from tests.factories import post_form

# Transactional: an outage in the middle of a test's own transaction would leave it unusable.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("empty_cache")]


def test_the_held_requests_are_the_site_users_alone(client, database_away, settings):
    post_form(client)

    folder = settings.HELD_REQUESTS_DIR
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(held.spool_path().stat().st_mode) == 0o600


def test_the_log_says_when_the_database_goes_and_comes_back_never_who_asked(
    client, database_away, caplog
):
    caplog.set_level(logging.INFO)
    post_form(client, name="Layla Hassan", phone="050 765 4321")
    post_form(client, name="Omar Khalid", phone="050 765 4322")
    database_away()

    drain(per_second=1000)

    messages = [record.getMessage() for record in caplog.records]
    assert sum("can't be reached" in message for message in messages) == 1
    assert sum("The database is back: 2 held" in message for message in messages) == 1
    assert not [m for m in messages if "Layla" in m or "765" in m or "Omar" in m]


def test_a_patients_copy_and_erasure_reach_their_held_request(client, database_away):
    post_form(client, phone="050 765 4321")
    post_form(client, name="Someone else", phone="050 111 2222")
    database_away()  # back: the copy and the erasure are made with the database

    copy = patient_data.export("+971507654321", username="owner")
    erased_ids = patient_data.erase("+971507654321", username="owner")
    left = held.oldest_first(10)

    assert [fields["name"] for fields in copy["held_requests"]] == ["Layla Hassan"]
    assert erased_ids == []
    assert [fields["name"] for _key, fields in left] == ["Someone else"]


def test_an_erasure_made_elsewhere_after_the_request_arrived_keeps_it_out(client, database_away):
    from backups import ledger

    post_form(client, phone="050 765 4321")
    database_away()
    ledger.remember("+971507654321", timezone.now())  # erased through another host

    drain(per_second=1000)

    assert ConsultationRequest.objects.count() == 0
    assert held.summary()[0] == 0


def test_the_retention_purge_reaches_held_requests(client, database_away, settings):
    post_form(client)
    database_away()
    settings.CONSULTATION_RETENTION_DAYS = 0

    call_command("purge_consultations", stdout=StringIO())

    assert held.summary()[0] == 0


def test_a_command_lists_what_is_held_by_count_and_age_and_drains_by_hand(client, database_away):
    post_form(client, name="Layla Hassan")
    out = StringIO()
    call_command("held_requests", stdout=out)
    listing = out.getvalue()
    database_away()

    call_command("held_requests", "--drain", stdout=out)

    assert "1 request(s) held on this host, the oldest for" in listing
    assert "Layla" not in listing and "+971" not in listing
    assert ConsultationRequest.objects.count() == 1
    assert "Stored 1 held request(s); 0 left." in out.getvalue()


def test_while_a_request_has_waited_more_than_five_minutes_the_log_warns_once_a_minute(
    caplog, monkeypatch
):
    from consultations import unreachable

    clock = [1000.0]
    monkeypatch.setattr(unreachable.time, "monotonic", lambda: clock[0])
    caplog.set_level(logging.WARNING)

    unreachable.warn_while_waiting(3, 299)
    unreachable.warn_while_waiting(3, 301)
    unreachable.warn_while_waiting(3, 330)
    clock[0] += 61
    unreachable.warn_while_waiting(3, 362)

    warnings = [r.getMessage() for r in caplog.records if "held on this host" in r.getMessage()]
    assert warnings == [
        "3 consultation request(s) held on this host, the oldest for 301 s: the database is "
        "still unreachable",
        "3 consultation request(s) held on this host, the oldest for 362 s: the database is "
        "still unreachable",
    ]


def hold_while_another_thread_reads(worker, count):
    """One server process: requests held by one thread while its drainer thread reads."""
    stop = threading.Event()

    def drainer():
        while not stop.is_set():
            held.oldest_first(50)

    reading = threading.Thread(target=drainer)
    reading.start()
    fields = {"phone": "+971500000000", "whatsapp": "+971500000000", "created_at": "2026"}
    for n in range(count):
        held.hold(f"{worker}-{n}", fields)
    stop.set()
    reading.join()


def test_held_requests_survive_many_processes_and_threads_at_once():
    """SQLite's locks are per process: a thread that opened and closed the spool's file itself
    dropped its drainer's locks, and writes from three processes corrupted the spool."""
    context = multiprocessing.get_context("fork")
    workers = [
        context.Process(target=hold_while_another_thread_reads, args=(n, 150)) for n in range(3)
    ]

    for process in workers:
        process.start()
    for process in workers:
        process.join(timeout=120)

    assert [process.exitcode for process in workers] == [0, 0, 0]
    assert held.summary()[0] == 450
