import re

import pytest
from django.core import mail
from django.urls import reverse

from consultations.models import ConsultationRequest, StaffNotification
from consultations.notifications import send_due
from tests.factories import form_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]

URL = "/consultation/"


def post(client, **overrides):
    return client.post(URL, form_data(**overrides))


def field_errors(response, field):
    return response.context["form"].errors.get(field, [])


def test_form_page_shows_every_field_with_a_label(client):
    response = client.get(URL)

    html = response.content.decode()
    assert response.status_code == 200
    for label in ("Full name", "Phone number", "WhatsApp number", "Message (optional)"):
        assert label in html
    assert 'type="tel"' in html
    assert 'inputmode="tel"' in html
    assert 'autocomplete="name"' in html
    assert 'href="/privacy/"' in html


def test_home_page_carries_the_form(client):
    html = client.get("/").content.decode()

    assert 'action="/consultation/"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'name="source_path" value="/"' in html


@pytest.mark.parametrize(
    "typed", ["050 123 4567", "0501234567", "+971 50 123 4567", "00971501234567"]
)
def test_local_uae_number_is_stored_in_e164(client, typed):
    response = post(client, phone=typed)

    assert response.status_code == 302
    stored = ConsultationRequest.objects.get()
    assert str(stored.phone) == "+971501234567"
    assert str(stored.whatsapp) == "+971501234567"


def test_foreign_number_with_its_country_code_is_accepted(client):
    post(client, phone="+44 20 7946 0000")

    assert str(ConsultationRequest.objects.get().phone) == "+442079460000"


def test_success_redirects_to_the_thank_you_page(client):
    response = post(client)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("consultations:thanks") + "?ref=")
    thanks = client.get(response["Location"])
    assert "call or WhatsApp you" in thanks.content.decode()


def test_request_stores_consent_source_and_status(client):
    post(client, message="Thinning at the crown", source_path="/treatments-compared/")

    stored = ConsultationRequest.objects.get()
    assert stored.status == ConsultationRequest.Status.NEW
    assert stored.consent_given_at is not None
    assert stored.source_path == "/treatments-compared/"
    assert stored.message == "Thinning at the crown"


def test_a_different_whatsapp_number_is_kept(client):
    post(client, whatsapp_same=None, whatsapp="055 765 4321")

    stored = ConsultationRequest.objects.get()
    assert str(stored.phone) == "+971501234567"
    assert str(stored.whatsapp) == "+971557654321"


def test_blank_whatsapp_means_same_as_phone(client):
    post(client, whatsapp_same=None, whatsapp="")

    assert str(ConsultationRequest.objects.get().whatsapp) == "+971501234567"


def test_whatsapp_box_is_ignored_while_same_as_phone_is_ticked(client):
    post(client, whatsapp_same="on", whatsapp="not a number")

    assert str(ConsultationRequest.objects.get().whatsapp) == "+971501234567"


def test_landline_as_whatsapp_is_accepted_without_comment(client):
    response = post(client, whatsapp_same=None, whatsapp="04 234 5678")

    assert response.status_code == 302
    assert str(ConsultationRequest.objects.get().whatsapp) == "+97142345678"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"name": ""}, "name", "Please tell us your name."),
        ({"name": "   "}, "name", "Please tell us your name."),
        ({"name": "x" * 101}, "name", "Please shorten your name to 100 characters or fewer."),
        ({"phone": ""}, "phone", "Please enter a phone number we can call you on."),
        ({"phone": "hello"}, "phone", "This doesn’t look like a phone number."),
        ({"phone": "123"}, "phone", "This doesn’t look like a phone number."),
        ({"whatsapp_same": None, "whatsapp": "12"}, "whatsapp", "This doesn’t look like a phone"),
        ({"consent": None}, "consent", "Please tick this box so that we may contact you."),
        ({"message": "x" * 2001}, "message", "Please shorten your message to 2,000 characters."),
        ({"name": "Layla\x00Hassan"}, "name", "hidden characters"),
        ({"name": "Layla \u202eHassan"}, "name", "hidden characters"),
        ({"name": "\u2066Layla\u2069"}, "name", "hidden characters"),
        ({"message": "hello\x00"}, "message", "hidden characters"),
    ],
)
def test_bad_input_gets_a_clear_message_beside_its_field(client, overrides, field, message):
    response = post(client, **overrides)

    assert response.status_code == 200
    assert any(message in error for error in field_errors(response, field))
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html
    described_by = re.search(rf'aria-describedby="([^"]*)"[^>]*id="id_{field}"', html)
    assert f"id_{field}_error" in described_by.group(1)
    assert ConsultationRequest.objects.count() == 0


def test_other_answers_stay_filled_after_an_error(client):
    response = post(client, consent=None, name="Layla Hassan", message="Best time: evenings")

    html = response.content.decode()
    assert 'value="Layla Hassan"' in html
    assert 'value="050 123 4567"' in html
    assert "Best time: evenings</textarea>" in html


def test_arabic_name_is_accepted(client):
    post(client, name="ليلى حسن")

    assert ConsultationRequest.objects.get().name == "ليلى حسن"


def test_html_and_script_are_stored_as_text_and_shown_escaped(client):
    script = '<script>alert("x")</script>'

    response = post(client, name=f"Layla {script}", consent=None, message=script)

    html = response.content.decode()
    assert script not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    post(client, name=f"Layla {script}", message=script)
    assert ConsultationRequest.objects.get().message == script


def test_source_path_must_be_a_page_of_this_site(client):
    post(client, source_path="https://evil.example/phish")

    assert ConsultationRequest.objects.get().source_path == ""


def test_campaign_of_the_visit_is_stored(client):
    # Counted as a visit, not as a bot: a browser's user agent.
    client.defaults["HTTP_USER_AGENT"] = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"
    client.get("/exosome-therapy/?utm_source=google&utm_medium=cpc&utm_campaign=autumn")

    post(client)

    stored = ConsultationRequest.objects.get()
    assert (stored.utm_source, stored.utm_medium, stored.utm_campaign) == (
        "google",
        "cpc",
        "autumn",
    )


def test_a_forged_campaign_cookie_is_ignored(client):
    client.cookies["ecla_campaign"] = '{"utm_source": "forged"}'

    post(client)

    assert ConsultationRequest.objects.get().utm_source == ""


def test_source_page_is_the_page_the_patient_came_from(client):
    response = client.get(URL, HTTP_REFERER="http://testserver/cost-and-safety/")

    assert 'name="source_path" value="/cost-and-safety/"' in response.content.decode()


def test_body_over_the_size_limit_gets_a_friendly_page(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000

    response = post(client, message="x" * 2000)

    assert response.status_code == 400
    html = response.content.decode()
    assert "We couldn’t read what was sent" in html
    assert "1128, Al Wasl Road" in html
    assert ConsultationRequest.objects.count() == 0


def test_missing_csrf_token_gets_a_friendly_page(db):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)

    response = client.post(URL, form_data())

    assert response.status_code == 403
    html = response.content.decode()
    assert "Please send the form again" in html
    assert "CSRF" not in html
    assert ConsultationRequest.objects.count() == 0


def test_stale_csrf_token_gets_a_friendly_page(db):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.get(URL)
    client.cookies["csrftoken"] = "a" * 32

    response = client.post(URL, {**form_data(), "csrfmiddlewaretoken": "b" * 32})

    assert response.status_code == 403
    assert "Open a fresh form" in response.content.decode()


def test_staff_are_emailed_a_link_without_personal_details(
    client, settings, django_capture_on_commit_callbacks
):
    settings.CONSULTATION_NOTIFY_EMAILS = ["frontdesk@clinic.example"]

    with django_capture_on_commit_callbacks(execute=True):
        post(client, name="Layla Hassan", message="private note")
    assert mail.outbox == []  # after the patient's response, by the outbox's sender
    send_due()

    stored = ConsultationRequest.objects.get()
    (email,) = mail.outbox
    assert email.to == ["frontdesk@clinic.example"]
    assert f"/admin/consultations/consultationrequest/{stored.pk}/change/" in email.body
    for personal in ("Layla", "Hassan", "501234567", "50 123 4567", "private note"):
        assert personal not in email.body
        assert personal not in email.subject


def test_a_failing_mail_server_loses_nothing(
    client, settings, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    settings.CONSULTATION_NOTIFY_EMAILS = ["frontdesk@clinic.example"]

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("SMTP server down")

    monkeypatch.setattr("consultations.notifications.send_mail", refuse)

    with django_capture_on_commit_callbacks(execute=True):
        response = post(client)
    send_due()

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("consultations:thanks"))
    assert ConsultationRequest.objects.count() == 1
    assert StaffNotification.objects.get().attempts == 1  # tried again later
    assert "Could not email staff about consultation request" in caplog.text
    assert "501234567" not in caplog.text


def test_no_email_is_sent_when_no_recipient_is_configured(
    client, settings, django_capture_on_commit_callbacks
):
    settings.CONSULTATION_NOTIFY_EMAILS = []

    with django_capture_on_commit_callbacks(execute=True):
        post(client)

    assert mail.outbox == []
    assert ConsultationRequest.objects.count() == 1


def test_an_overlong_source_page_is_cut_to_length_not_shown_as_an_error(client):
    response = post(client, source_path="/faq/" + "x" * 300)

    assert response.status_code == 302
    assert ConsultationRequest.objects.get().source_path == ("/faq/" + "x" * 300)[:200]
