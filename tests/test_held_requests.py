"""While the database can't be reached, a valid request gets the thanks page and waits on the
host's disk; it reaches the database by itself once, in order, as it was sent."""

import logging
import multiprocessing
import sqlite3
import stat
import threading
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import DataError, OperationalError
from django.test import Client
from django.utils import timezone

from consultations import held, patient_data
from consultations.drain import drain
from consultations.models import ConsultationRequest
from tests.factories import form_data, make_request, rendered_seconds_ago

# Transactional: an outage in the middle of a test's own transaction would leave it unusable.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("empty_cache")]


def unreachable(*args, **kwargs):
    # What Django raises when SQLite's file can't be opened (PostgreSQL: a refused connection).
    try:
        raise sqlite3.OperationalError("unable to open database file")
    except sqlite3.OperationalError as cause:
        raise OperationalError("unable to open database file") from cause


class Outage:
    """The database made unreachable (`away()`) and reachable again (`back()`) by the test."""

    def __init__(self):
        self.patch = pytest.MonkeyPatch()

    def away(self):
        self.patch.setattr("django.db.backends.base.base.BaseDatabaseWrapper.cursor", unreachable)

    def back(self):
        self.patch.undo()


@pytest.fixture
def outage():
    outage = Outage()
    yield outage
    outage.back()


@pytest.fixture
def database_away(outage):
    """The database unreachable from the start; calling the value brings it back."""
    outage.away()
    return outage.back


def send(client, **answers):
    return client.post("/consultation/", form_data(**answers))


def test_a_request_sent_while_the_database_is_away_gets_the_thanks_page_and_is_held(
    client, database_away
):
    response = send(client, name="Layla Hassan")

    assert response.status_code == 302
    assert response["Location"] == "/consultation/thanks/"
    assert held.summary()[0] == 1


def test_when_the_database_is_back_the_held_request_is_stored_as_it_was_sent(
    client, database_away, settings
):
    settings.CONSULTATION_NOTIFY_EMAILS = ["desk@example.ae"]
    sent_at = timezone.now()
    client.get("/ar/exosome-therapy/?utm_source=instagram&utm_campaign=spring")
    client.post("/ar/consultation/", form_data(name="ليلى حسن", source_path="/ar/faq/"))
    database_away()

    stored, left = drain(per_second=1000)

    request = ConsultationRequest.objects.get()
    assert (stored, left) == (1, 0)
    assert request.name == "ليلى حسن"
    assert str(request.phone) == "+971501234567"
    assert request.language == "ar"
    assert request.source_path == "/ar/faq/"
    assert (request.utm_source, request.utm_campaign) == ("instagram", "spring")
    assert request.status == ConsultationRequest.Status.NEW
    assert abs(request.created_at - sent_at) < timedelta(seconds=5)
    assert request.consent_given_at == request.created_at
    (email,) = mail.outbox
    assert f"/admin/consultations/consultationrequest/{request.pk}/change/" in email.body


def test_held_requests_are_stored_in_the_order_they_arrived(client, database_away):
    for n in range(5):
        send(client, name=f"Patient {n}", phone=f"050 123 45{n:02d}")
    database_away()

    drain(per_second=1000)

    names = list(ConsultationRequest.objects.order_by("pk").values_list("name", flat=True))
    assert names == [f"Patient {n}" for n in range(5)]


def test_a_suspected_bot_is_held_and_stored_as_spam_without_an_email(
    client, database_away, settings
):
    settings.CONSULTATION_NOTIFY_EMAILS = ["desk@example.ae"]
    send(client, rendered_at=rendered_seconds_ago(0.5))
    database_away()

    drain(per_second=1000)

    assert ConsultationRequest.objects.get().status == ConsultationRequest.Status.SPAM
    assert mail.outbox == []


def test_a_double_click_during_the_outage_is_one_request(client, database_away):
    answers = form_data()

    first = client.post("/consultation/", answers)
    second = client.post("/consultation/", answers)
    database_away()
    drain(per_second=1000)

    assert (first.status_code, second.status_code) == (302, 302)
    assert ConsultationRequest.objects.count() == 1


def test_a_drain_cut_short_after_storing_stores_nothing_twice(client, database_away):
    send(client)
    database_away()
    ((key, fields),) = held.oldest_first(10)
    drain(per_second=1000)
    held.hold(key, fields)  # as if the process died before it could release the request

    stored, left = drain(per_second=1000)

    assert (stored, left) == (0, 0)
    assert ConsultationRequest.objects.count() == 1


def test_while_the_database_stays_away_draining_keeps_every_request(client, database_away):
    send(client)

    stored, left = drain(per_second=1000)

    assert (stored, left) == (0, 1)


def test_a_form_with_mistakes_is_never_held(client, database_away):
    response = send(client, phone="12")

    assert response.status_code == 200
    assert "doesn’t look like a phone number" in response.content.decode()
    assert held.summary()[0] == 0


def test_when_the_disk_cannot_hold_either_the_patient_gets_the_error_page_not_thanks(
    settings, tmp_path, database_away
):
    (tmp_path / "a-file").write_text("")
    settings.HELD_REQUESTS_DIR = tmp_path / "a-file" / "held-requests"
    settings.CLINIC = {**settings.CLINIC, "phone": "+971 4 123 4567"}

    response = send(Client(raise_request_exception=False))

    assert response.status_code == 500
    assert 'href="tel:+97141234567"' in response.content.decode()


def test_any_other_database_error_is_not_held():
    def broken(*args, **kwargs):
        raise DataError("value too long")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("django.db.backends.base.base.BaseDatabaseWrapper.cursor", broken)
        response = send(Client(raise_request_exception=False))

    assert response.status_code == 500
    assert held.summary()[0] == 0


def test_the_held_requests_are_the_site_users_alone(client, database_away, settings):
    send(client)

    folder = settings.HELD_REQUESTS_DIR
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(held.spool_path().stat().st_mode) == 0o600


def test_the_log_says_when_the_database_goes_and_comes_back_never_who_asked(
    client, database_away, caplog
):
    caplog.set_level(logging.INFO)
    send(client, name="Layla Hassan", phone="050 765 4321")
    send(client, name="Omar Khalid", phone="050 765 4322")
    database_away()

    drain(per_second=1000)

    messages = [record.getMessage() for record in caplog.records]
    assert sum("can't be reached" in message for message in messages) == 1
    assert sum("The database is back: 2 held" in message for message in messages) == 1
    assert not [m for m in messages if "Layla" in m or "765" in m or "Omar" in m]


def test_a_patients_copy_and_erasure_reach_their_held_request(client, database_away):
    send(client, phone="050 765 4321")
    send(client, name="Someone else", phone="050 111 2222")
    database_away()  # back: the copy and the erasure are made with the database

    copy = patient_data.export("+971507654321", username="owner")
    erased_ids = patient_data.erase("+971507654321", username="owner")
    left = held.oldest_first(10)

    assert [fields["name"] for fields in copy["held_requests"]] == ["Layla Hassan"]
    assert erased_ids == []
    assert [fields["name"] for _key, fields in left] == ["Someone else"]


def test_an_erasure_made_elsewhere_after_the_request_arrived_keeps_it_out(client, database_away):
    from backups import ledger

    send(client, phone="050 765 4321")
    database_away()
    ledger.remember("+971507654321", timezone.now())  # erased through another host

    drain(per_second=1000)

    assert ConsultationRequest.objects.count() == 0
    assert held.summary()[0] == 0


def test_the_retention_purge_reaches_held_requests(client, database_away, settings):
    send(client)
    database_away()
    settings.CONSULTATION_RETENTION_DAYS = 0

    call_command("purge_consultations", stdout=StringIO())

    assert held.summary()[0] == 0


def test_a_command_lists_what_is_held_by_count_and_age_and_drains_by_hand(client, database_away):
    send(client, name="Layla Hassan")
    out = StringIO()
    call_command("held_requests", stdout=out)
    listing = out.getvalue()
    database_away()

    call_command("held_requests", "--drain", stdout=out)

    assert "1 request(s) held on this host, the oldest for" in listing
    assert "Layla" not in listing and "+971" not in listing
    assert ConsultationRequest.objects.count() == 1
    assert "Stored 1 held request(s); 0 left." in out.getvalue()


def test_a_later_request_from_the_same_number_marks_the_earlier_one(client, outage):
    earlier = make_request(phone="+971507654321", created_at=timezone.now() - timedelta(days=2))
    outage.away()
    send(client, phone="050 765 4321")
    outage.back()

    drain(per_second=1000)

    later = ConsultationRequest.objects.exclude(pk=earlier.pk).get()
    assert later.duplicate_of == earlier


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
