"""While the database can't be reached, a valid request gets the thanks page and waits on the
host's disk; it reaches the database by itself once, in order, as it was sent."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import DataError
from django.test import Client
from django.utils import timezone

from consultations import held
from consultations.drain import drain
from consultations.models import ConsultationRequest
from consultations.notifications import send_due
from tests.factories import form_data, make_request, post_form, rendered_seconds_ago

# Transactional: an outage in the middle of a test's own transaction would leave it unusable.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("empty_cache")]


@pytest.fixture
def content_read():
    """The pages' words as a process that served pages before the outage keeps them
    (content/live.py): without them, a page answers 503 while the database is away."""
    from content import live

    live.published()


def test_a_request_sent_while_the_database_is_away_gets_the_thanks_page_and_is_held(
    client, database_away
):
    response = post_form(client, name="Layla Hassan")

    assert response.status_code == 302
    assert response["Location"] == "/consultation/thanks/"
    assert held.summary()[0] == 1


def test_when_the_database_is_back_the_held_request_is_stored_as_it_was_sent(
    client, content_read, database_away, settings
):
    settings.CONSULTATION_NOTIFY_EMAILS = ["desk@example.ae"]
    sent_at = timezone.now()
    client.defaults["HTTP_USER_AGENT"] = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"
    client.get("/ar/exosome-therapy/?utm_source=instagram&utm_campaign=spring")
    client.post("/ar/consultation/", form_data(name="ليلى حسن", source_path="/ar/faq/"))
    database_away()

    stored, left = drain(per_second=1000)

    send_due()
    request = ConsultationRequest.objects.get()
    assert (stored, left) == (1, 0)
    assert request.name == "ليلى حسن"
    assert str(request.phone) == "+971501234567"
    assert request.language == "ar"
    assert request.source_path == "/ar/faq/"
    assert (request.utm_source, request.utm_campaign) == ("instagram", "spring")
    assert request.landing_path == "/ar/exosome-therapy/"
    assert request.status == ConsultationRequest.Status.NEW
    assert abs(request.created_at - sent_at) < timedelta(seconds=5)
    assert request.consent_given_at == request.created_at
    (email,) = mail.outbox
    assert f"/admin/consultations/consultationrequest/{request.pk}/change/" in email.body


def test_held_requests_are_stored_in_the_order_they_arrived(client, database_away):
    for n in range(5):
        post_form(client, name=f"Patient {n}", phone=f"050 123 45{n:02d}")
    database_away()

    drain(per_second=1000)

    names = list(ConsultationRequest.objects.order_by("pk").values_list("name", flat=True))
    assert names == [f"Patient {n}" for n in range(5)]


def test_a_suspected_bot_is_held_and_stored_as_spam_without_an_email(
    client, database_away, settings
):
    settings.CONSULTATION_NOTIFY_EMAILS = ["desk@example.ae"]
    post_form(client, rendered_at=rendered_seconds_ago(0.5))
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
    post_form(client)
    database_away()
    ((key, fields),) = held.oldest_first(10)
    drain(per_second=1000)
    held.hold(key, fields)  # as if the process died before it could release the request

    stored, left = drain(per_second=1000)

    assert (stored, left) == (0, 0)
    assert ConsultationRequest.objects.count() == 1


def test_while_the_database_stays_away_draining_keeps_every_request(client, database_away):
    post_form(client)

    stored, left = drain(per_second=1000)

    assert (stored, left) == (0, 1)


def test_a_form_with_mistakes_is_never_held(client, database_away):
    response = post_form(client, phone="12")

    assert response.status_code == 200
    assert "doesn’t look like a phone number" in response.content.decode()
    assert held.summary()[0] == 0


def test_when_the_disk_cannot_hold_either_the_patient_gets_the_error_page_not_thanks(
    settings, tmp_path, database_away
):
    (tmp_path / "a-file").write_text("")
    settings.HELD_REQUESTS_DIR = tmp_path / "a-file" / "held-requests"
    settings.CLINIC = {**settings.CLINIC, "phone": "+971 4 123 4567"}

    response = post_form(Client(raise_request_exception=False))

    assert response.status_code == 500
    assert 'href="tel:+97141234567"' in response.content.decode()


def test_any_other_database_error_is_not_held():
    def broken(*args, **kwargs):
        raise DataError("value too long")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("django.db.backends.base.base.BaseDatabaseWrapper.cursor", broken)
        response = post_form(Client(raise_request_exception=False))

    assert response.status_code == 500
    assert held.summary()[0] == 0


def test_a_later_request_from_the_same_number_marks_the_earlier_one(client, outage):
    earlier = make_request(phone="+971507654321", created_at=timezone.now() - timedelta(days=2))
    outage.away()
    post_form(client, phone="050 765 4321")
    outage.back()

    drain(per_second=1000)

    later = ConsultationRequest.objects.exclude(pk=earlier.pk).get()
    assert later.duplicate_of == earlier
