import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.urls import reverse

from consultations.models import ConsultationRequest
from consultations.notifications import send_due
from tests.factories import form_data, make_request, rendered_seconds_ago

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]

URL = "/consultation/"
THANKS = reverse("consultations:thanks")


def page(location):
    """The page a redirect goes to, without the thanks page's signed reference."""
    return urlsplit(location).path


Status = ConsultationRequest.Status


def post(client, **overrides):
    extra = {key: overrides.pop(key) for key in list(overrides) if key.isupper()}
    return client.post(URL, form_data(**overrides), **extra)


def rendered_at(html):
    return re.search(r'name="rendered_at" value="([^"]+)"', html).group(1)


@pytest.fixture
def committed(settings, django_capture_on_commit_callbacks):
    """Run what a request does after its transaction commits (the staff email)."""
    settings.CONSULTATION_NOTIFY_EMAILS = ["frontdesk@clinic.example"]
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_a_filled_honeypot_is_kept_as_spam_without_email(client, committed):
    with committed():
        response = post(client, contact_reference="http://spam.example")

    assert page(response["Location"]) == THANKS
    assert ConsultationRequest.objects.get().status == Status.SPAM
    assert mail.outbox == []


def test_a_form_sent_faster_than_a_person_could_is_kept_as_spam(client, committed):
    with committed():
        response = post(client, rendered_at=rendered_seconds_ago(0.5))

    assert page(response["Location"]) == THANKS
    assert ConsultationRequest.objects.get().status == Status.SPAM
    assert mail.outbox == []


@pytest.mark.parametrize("value", ["", "1700000000.0", "1700000000.0:forged:signature"])
def test_a_missing_or_forged_timestamp_is_kept_as_spam(client, value):
    post(client, rendered_at=value)

    assert ConsultationRequest.objects.get().status == Status.SPAM


def test_a_person_gets_status_new_and_staff_get_an_email(client, committed):
    with committed():
        post(client)
    send_due()

    assert ConsultationRequest.objects.get().status == Status.NEW
    assert len(mail.outbox) == 1


def test_each_render_of_the_form_gets_a_fresh_timestamp(client):
    first = rendered_at(client.get(URL).content.decode())
    second = rendered_at(client.get(URL).content.decode())

    assert first != second


def test_correcting_an_error_quickly_is_not_mistaken_for_a_bot(client):
    shown = rendered_seconds_ago(30)
    response = post(client, rendered_at=shown, consent=None)
    carried = rendered_at(response.content.decode())

    post(client, rendered_at=carried)

    assert carried == shown
    assert ConsultationRequest.objects.get().status == Status.NEW


def test_a_double_click_makes_one_request(client):
    first = post(client)
    second = post(client)

    assert page(first["Location"]) == page(second["Location"]) == THANKS
    assert ConsultationRequest.objects.count() == 1


def test_resending_the_same_answers_after_the_claim_expired_still_makes_one_request(
    client, empty_cache
):
    post(client)
    empty_cache.clear()

    post(client)

    assert ConsultationRequest.objects.count() == 1


def test_a_repeat_request_from_the_same_number_is_kept_and_marked(client):
    earlier = make_request(phone="+971501234567")

    post(client, message="Asking again")

    latest = ConsultationRequest.objects.exclude(pk=earlier.pk).get()
    assert latest.duplicate_of == earlier
    assert latest.is_possible_duplicate


def test_a_request_is_stored_even_when_the_cache_is_down(client, monkeypatch):
    def down(*args, **kwargs):
        raise ConnectionError("cache unreachable")

    monkeypatch.setattr("django.core.cache.cache.add", down)

    response = post(client)

    assert page(response["Location"]) == THANKS
    assert ConsultationRequest.objects.get().status == Status.NEW


def test_over_the_soft_limit_requests_are_kept_as_spam(client, settings):
    settings.CONSULTATION_RATE_SOFT_LIMIT = 2

    responses = [post(client, message=f"request {n}") for n in range(4)]

    assert {page(r["Location"]) for r in responses} == {THANKS}
    statuses = list(
        ConsultationRequest.objects.order_by("created_at", "pk").values_list("status", flat=True)
    )
    assert statuses == [Status.NEW, Status.NEW, Status.SPAM, Status.SPAM]


def test_past_the_hard_limit_a_flood_gets_429_with_the_clinics_numbers(client, settings):
    settings.CONSULTATION_RATE_HARD_LIMIT = 3
    settings.CLINIC = {
        **settings.CLINIC,
        "phone": "+971 4 123 4567",
        "whatsapp": "+971 50 765 4321",
    }

    responses = [post(client, message=f"request {n}") for n in range(5)]

    assert [r.status_code for r in responses] == [302, 302, 302, 429, 429]
    html = responses[-1].content.decode()
    assert 'href="tel:+97141234567"' in html
    assert 'href="https://wa.me/971507654321"' in html
    assert ConsultationRequest.objects.count() == 3


def test_a_forged_forwarded_for_header_does_not_escape_the_limit(client, settings):
    settings.CONSULTATION_RATE_HARD_LIMIT = 2

    codes = [
        post(client, message=f"m{n}", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}").status_code
        for n in range(3)
    ]

    assert codes == [302, 302, 429]


def test_behind_a_trusted_proxy_clients_are_told_apart_by_forwarded_for(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.CONSULTATION_RATE_HARD_LIMIT = 1

    first = post(client, message="a", HTTP_X_FORWARDED_FOR="spoofed, 203.0.113.7")
    other_client = post(client, message="b", HTTP_X_FORWARDED_FOR="203.0.113.8")
    same_client = post(client, message="c", HTTP_X_FORWARDED_FOR="other-spoof, 203.0.113.7")

    assert [first.status_code, other_client.status_code, same_client.status_code] == [302, 302, 429]


def test_mistyped_attempts_do_not_make_the_valid_request_spam(client, committed):
    with committed():
        mistakes = [post(client, phone=f"12{n}") for n in range(6)]
        valid = post(client)
    send_due()

    assert [r.status_code for r in mistakes] == [200] * 6
    assert page(valid["Location"]) == THANKS
    assert ConsultationRequest.objects.get().status == Status.NEW
    assert len(mail.outbox) == 1


def test_the_429_says_when_to_try_again(client, settings):
    settings.CONSULTATION_RATE_HARD_LIMIT = 1

    post(client, message="first")
    refused = post(client, message="second")

    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= settings.CONSULTATION_RATE_WINDOW_SECONDS


def test_a_form_older_than_its_lifetime_is_not_accepted_but_kept_for_the_patient(client, settings):
    settings.CONSULTATION_FORM_MAX_AGE_SECONDS = 3600
    harvested = rendered_seconds_ago(3601)

    response = post(client, name="Layla Hassan", rendered_at=harvested)

    html = response.content.decode()
    assert response.status_code == 200
    assert ConsultationRequest.objects.count() == 0
    assert "was open for a long time" in html
    assert 'value="Layla Hassan"' in html
    assert rendered_at(html) != harvested


def test_the_renewed_form_is_accepted_when_sent_again(client, settings):
    settings.CONSULTATION_FORM_MAX_AGE_SECONDS = 3600
    expired = post(client, rendered_at=rendered_seconds_ago(3601)).content.decode()

    resent = post(client, rendered_at=rendered_at(expired))

    assert resent.status_code == 302
    # Sent again within seconds of the renewal, the fill time is not held against the patient.
    assert ConsultationRequest.objects.get().status == Status.NEW


def test_a_repeat_within_the_hour_is_marked_for_the_report_a_later_one_is_not(client):
    from datetime import timedelta

    from django.utils import timezone

    recent = make_request(phone="+971501234567", created_at=timezone.now() - timedelta(minutes=40))
    make_request(phone="+971502222222", created_at=timezone.now() - timedelta(hours=3))

    post(client, message="Asking again")
    post(client, phone="050 222 2222", whatsapp_same="on", message="Me again")

    repeats = ConsultationRequest.objects.exclude(pk=recent.pk).filter(message__contains="gain")
    assert {str(r.phone): r.repeat_within_hour for r in repeats} == {
        "+971501234567": True,
        "+971502222222": False,
    }
