"""The front desk's email of a new request goes through an outbox: a row written with the
request, sent after the patient's response by a sender that retries with back-off, once."""

import socket
import threading
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.db import OperationalError, connection
from django.urls import reverse
from django.utils import timezone

from consultations import held
from consultations.drain import drain
from consultations.models import ConsultationRequest, StaffNotification
from consultations.notifications import send_due
from consultations.patient_data import erase
from tests.factories import login_staff, make_front_desk_user, post_form
from tests.smtp import HangingSMTP, TinySMTP

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("empty_cache")]

DESK = "frontdesk@clinic.example"
PATIENT = {"name": "Layla Hassan", "phone": "050 123 4567", "message": "private note"}


@pytest.fixture
def smtp_at(settings):
    """Point the site's email at a local port, as production points it at its SMTP server."""
    settings.CONSULTATION_NOTIFY_EMAILS = [DESK]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 3

    def point(port):
        settings.EMAIL_PORT = port

    return point


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_the_thanks_page_does_not_wait_for_a_mail_server_that_never_answers(client, smtp_at):
    with HangingSMTP() as server:
        smtp_at(server.port)
        started = time.monotonic()
        response = post_form(client, **PATIENT)
        elapsed = time.monotonic() - started

    assert response.status_code == 302
    assert response["Location"].startswith("/consultation/thanks/")
    assert elapsed < 1.5
    (waiting,) = StaffNotification.objects.all()
    assert waiting.request == ConsultationRequest.objects.get()


def test_the_waiting_row_names_the_request_and_holds_no_personal_details(client, settings):
    settings.CONSULTATION_NOTIFY_EMAILS = [DESK]

    post_form(client, **PATIENT)

    (waiting,) = StaffNotification.objects.values()
    for personal in ("Layla", "Hassan", "501234567", "private note"):
        assert all(personal not in str(value) for value in waiting.values())
    assert mail.outbox == []


def test_a_notification_waits_while_the_mail_server_is_down_and_arrives_once_it_is_back(
    client, smtp_at, caplog
):
    smtp_at(closed_port())
    post_form(client, **PATIENT)
    consultation = ConsultationRequest.objects.get()

    assert send_due() == 0
    waiting = StaffNotification.objects.get()
    assert waiting.attempts == 1
    assert waiting.next_attempt_at > timezone.now()
    assert "Could not email staff about consultation request" in caplog.text
    assert "501234567" not in caplog.text
    assert send_due() == 0  # not before its back-off
    assert StaffNotification.objects.get().attempts == 1

    with TinySMTP() as server:
        smtp_at(server.port)
        assert send_due(now=timezone.now() + timedelta(hours=1)) == 1

    (message,) = server.messages
    assert DESK in message
    assert f"/admin/consultations/consultationrequest/{consultation.pk}/change/" in message
    assert "Layla" not in message
    assert not StaffNotification.objects.exists()


def test_the_back_off_grows_with_each_failure_and_never_gives_up(client, smtp_at):
    smtp_at(closed_port())
    post_form(client, **PATIENT)
    delays, now = [], timezone.now()
    for _ in range(12):
        send_due(now=now)
        waiting = StaffNotification.objects.get()
        delays.append(waiting.next_attempt_at - now)
        now = waiting.next_attempt_at

    assert delays == sorted(delays)
    assert delays[0] <= timedelta(minutes=1)
    assert delays[-1] <= timedelta(hours=1)
    assert StaffNotification.objects.get().attempts == 12


def test_two_hosts_sending_at_once_send_one_notification_once(client, settings, monkeypatch):
    settings.CONSULTATION_NOTIFY_EMAILS = [DESK]
    post_form(client, **PATIENT)
    both_tried = threading.Barrier(2, timeout=5)
    from consultations import notifications

    real_send = notifications.send_mail

    def slow_send(*args, **kwargs):
        real_send(*args, **kwargs)
        time.sleep(0.5)

    monkeypatch.setattr("consultations.notifications.send_mail", slow_send)
    sent = []

    def host():
        try:
            both_tried.wait()
            sent.append(send_due())
        except OperationalError:
            # SQLite's in-memory test database (shared cache) refuses a second writer at once
            # instead of waiting: that host sends nothing this round, as a locked one would.
            if connection.vendor != "sqlite":
                raise
            sent.append(0)
        finally:
            connection.close()

    hosts = [threading.Thread(target=host) for _ in range(2)]
    for thread in hosts:
        thread.start()
    for thread in hosts:
        thread.join()

    assert sorted(sent) == [0, 1]
    assert len(mail.outbox) == 1
    assert not StaffNotification.objects.exists()


def test_a_held_request_gets_its_notification_once_it_is_stored(client, settings, database_away):
    settings.CONSULTATION_NOTIFY_EMAILS = [DESK]
    post_form(client, **PATIENT)
    database_away()
    assert held.summary()[0] == 1

    drain(per_second=1000)
    consultation = ConsultationRequest.objects.get()
    assert StaffNotification.objects.get().request == consultation
    assert send_due() == 1

    (email,) = mail.outbox
    assert f"/admin/consultations/consultationrequest/{consultation.pk}/change/" in email.body


def test_spam_waits_for_no_notification(client, settings):
    settings.CONSULTATION_NOTIFY_EMAILS = [DESK]

    post_form(client, contact_reference="http://spam.example", **PATIENT)

    assert ConsultationRequest.objects.get().status == ConsultationRequest.Status.SPAM
    assert not StaffNotification.objects.exists()


def test_an_erasure_takes_the_waiting_notification_with_the_request(client, settings):
    settings.CONSULTATION_NOTIFY_EMAILS = [DESK]
    post_form(client, **PATIENT)
    assert StaffNotification.objects.exists()

    erase("+971501234567", username="owner")

    assert not StaffNotification.objects.exists()
    assert send_due() == 0
    assert mail.outbox == []


@pytest.mark.django_db  # the front desk's group, made by a migration
def test_the_front_desk_sees_what_waits_and_can_change_none_of_it(client, settings):
    settings.CONSULTATION_NOTIFY_EMAILS = [DESK]
    post_form(client, **PATIENT)
    consultation = ConsultationRequest.objects.get()
    waiting = StaffNotification.objects.get()
    login_staff(client, make_front_desk_user())

    listing = client.get("/admin/consultations/staffnotification/")

    assert listing.status_code == 200
    html = listing.content.decode()
    assert f"#{consultation.pk}" in html
    assert "Layla" not in html
    assert "/admin/consultations/staffnotification/add/" not in html
    change = f"/admin/consultations/staffnotification/{waiting.pk}/change/"
    assert client.post(change, {"attempts": 0}).status_code in (302, 403)
    assert StaffNotification.objects.get().attempts == 0
    delete = f"/admin/consultations/staffnotification/{waiting.pk}/delete/"
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert StaffNotification.objects.exists()


@pytest.mark.django_db  # the front desk's group, made by a migration
def test_staff_who_may_not_see_requests_do_not_see_the_outbox(client, settings):
    from django.contrib.auth.models import User

    settings.CONSULTATION_NOTIFY_EMAILS = [DESK]
    post_form(client, **PATIENT)
    login_staff(client, User.objects.create_user("editor", password="x" * 20, is_staff=True))

    assert client.get("/admin/consultations/staffnotification/").status_code == 403


def test_the_command_says_what_waits_and_sends_it_now(client, settings):
    from io import StringIO

    from django.core.management import call_command

    settings.CONSULTATION_NOTIFY_EMAILS = [DESK]
    out = StringIO()
    call_command("staff_emails", stdout=out)
    assert "No staff email is waiting." in out.getvalue()
    post_form(client, **PATIENT)

    call_command("staff_emails", stdout=out)
    assert "1 staff email(s) waiting, the oldest since" in out.getvalue()
    call_command("staff_emails", "--send", stdout=out)

    assert "Sent 1 staff email(s); 0 waiting." in out.getvalue()
    assert len(mail.outbox) == 1


@pytest.mark.django_db  # the front desk's group, made by a migration
def test_the_arabic_admin_lists_what_waits_in_arabic(client, settings):
    settings.CONSULTATION_NOTIFY_EMAILS = [DESK]
    post_form(client, **PATIENT)
    login_staff(client, make_front_desk_user())
    client.post(reverse("staff_access:language"), {"language": "ar", "next": "/admin/"})

    html = client.get("/admin/consultations/staffnotification/").content.decode()

    assert "تنبيهات البريد الإلكتروني للموظفين بانتظار الإرسال" in html
    for heading in ("بانتظار الإرسال منذ", "المحاولات", "المحاولة التالية", "آخر خطأ"):
        assert heading in html


def test_a_mail_server_that_is_away_costs_one_attempt_a_round_not_one_per_email(client, smtp_at):
    smtp_at(closed_port())
    for n in range(3):
        post_form(client, name=f"Patient {n}", phone=f"050 123 45{n:02d}")

    send_due()

    assert sorted(StaffNotification.objects.values_list("attempts", flat=True)) == [0, 0, 1]
