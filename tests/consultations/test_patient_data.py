import io
import json

import pytest
from django.contrib.admin.models import LogEntry
from django.core import serializers
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from audit.models import AccessEvent
from consultations.models import ConsultationRequest
from tests.factories import login_staff, make_front_desk_user, make_request, make_superuser
from tests.html import parse

pytestmark = pytest.mark.django_db

Action = AccessEvent.Action
PAGE_URL = reverse("admin:consultations_patient_data")
LIST_URL = reverse("admin:consultations_consultationrequest_changelist")
NUMBER = "+971505550123"
# What must not outlive the patient's requests, anywhere in the database.
PERSONAL = ("Zainab Purged", "5550123", "555 0123", "knee pain since May", "Prefers mornings")


def patients_requests():
    """Two requests from one patient (phone, then WhatsApp) and one from someone else."""
    first = make_request(
        name="Zainab Purged",
        phone=NUMBER,
        message="knee pain since May",
        staff_notes="Prefers mornings",
    )
    second = make_request(name="Zainab Purged", phone="+971501111111", whatsapp=NUMBER)
    other = make_request(name="Omar Khalid", phone="+971509999999", message="other patient")
    return first, second, other


def worked_on_in_the_admin(client, request):
    """The front desk opens, edits and bulk-updates the request, as on a normal day."""
    url = reverse("admin:consultations_consultationrequest_change", args=[request.pk])
    client.get(url)
    client.post(
        url,
        {
            "name": request.name,
            "phone": str(request.phone),
            "whatsapp": str(request.whatsapp),
            "message": request.message + " (edited)",
            "status": "contacted",
            "staff_notes": f"{request.staff_notes}, called twice",
        },
    )
    client.post(LIST_URL, {"action": "mark_booked", "_selected_action": [request.pk]})


def stored_text(*models):
    return serializers.serialize("json", [row for model in models for row in model.objects.all()])


def everything_stored():
    out = io.StringIO()
    call_command("dumpdata", "--exclude=contenttypes", "--exclude=auth.permission", stdout=out)
    return out.getvalue()


def assert_nothing_personal_in(text):
    for value in PERSONAL:
        assert value not in text, value


def export(number):
    out = io.StringIO()
    call_command("patient_data", "export", number, stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.parametrize(
    "typed", ["050 555 0123", "+971505550123", "00971505550123", "٠٥٠٥٥٥٠١٢٣", "+971 50 555 0123"]
)
def test_export_finds_every_request_with_the_number_however_it_is_written(typed):
    first, second, _ = patients_requests()

    data = export(typed)

    assert data["number"] == NUMBER
    assert [row["id"] for row in data["consultation_requests"]] == [first.pk, second.pk]
    assert data["consultation_requests"][0]["name"] == "Zainab Purged"
    assert data["consultation_requests"][0]["message"] == "knee pain since May"
    assert data["consultation_requests"][0]["staff_notes"] == "Prefers mornings"
    assert data["consultation_requests"][1]["whatsapp"] == NUMBER
    assert "Omar Khalid" not in json.dumps(data)


def test_export_includes_the_trail_about_those_requests_and_is_itself_recorded(client):
    first, _, other = patients_requests()
    login_staff(client, make_front_desk_user())
    worked_on_in_the_admin(client, first)
    worked_on_in_the_admin(client, other)

    data = export("0505550123")

    trail = data["access_trail"]
    assert {entry["request_id"] for entry in trail} == {first.pk}
    assert {entry["action"] for entry in trail} == {"viewed", "changed", "bulk_action"}
    assert {entry["staff"] for entry in trail} == {"desk"}
    assert [entry["request_id"] for entry in data["admin_log"]] == [first.pk]
    (recorded,) = AccessEvent.objects.filter(action=Action.PERSONAL_DATA_EXPORTED)
    assert recorded.detail["ids"] == [first.pk, first.pk + 1]
    assert recorded.username.endswith("(manage.py)")


def test_export_of_something_that_is_not_a_number_fails_clearly():
    with pytest.raises(CommandError, match="not a phone number"):
        call_command("patient_data", "export", "Zainab")


def test_erase_with_yes_deletes_the_requests_and_their_traces(client):
    first, second, other = patients_requests()
    login_staff(client, make_front_desk_user())
    worked_on_in_the_admin(client, first)
    out = io.StringIO()

    call_command("patient_data", "erase", "050 555 0123", "--yes", stdout=out)

    assert list(ConsultationRequest.objects.all()) == [other]
    assert "Erased 2 consultation request(s)" in out.getvalue()
    assert_nothing_personal_in(stored_text(LogEntry, AccessEvent))
    assert_nothing_personal_in(everything_stored())
    (erasure,) = AccessEvent.objects.filter(action=Action.PERSONAL_DATA_ERASED)
    assert erasure.detail == {"requests": 2, "ids": [first.pk, second.pk]}
    assert erasure.username.endswith("(manage.py)")


def test_erasure_keeps_who_changed_which_field_and_when(client):
    first, _, _ = patients_requests()
    login_staff(client, make_front_desk_user())
    worked_on_in_the_admin(client, first)

    call_command("patient_data", "erase", NUMBER, "--yes", stdout=io.StringIO())

    (change,) = AccessEvent.objects.filter(action=Action.CHANGED)
    assert change.username == "desk"
    assert set(change.detail["changes"]) == {"message", "status", "staff_notes"}
    assert LogEntry.objects.get(object_id=str(first.pk)).object_repr == f"#{first.pk}"


def test_erase_asks_first_and_answering_no_keeps_everything(monkeypatch):
    patients_requests()
    questions = []
    monkeypatch.setattr("builtins.input", lambda question: questions.append(question) or "n")
    out = io.StringIO()

    call_command("patient_data", "erase", NUMBER, stdout=out)

    assert "Erase 2 consultation request(s)" in questions[0]
    assert ConsultationRequest.objects.count() == 3
    assert "Nothing erased." in out.getvalue()
    assert not AccessEvent.objects.filter(action=Action.PERSONAL_DATA_ERASED).exists()


def test_erase_answered_yes_erases(monkeypatch):
    patients_requests()
    monkeypatch.setattr("builtins.input", lambda question: "yes")

    call_command("patient_data", "erase", NUMBER, stdout=io.StringIO())

    assert ConsultationRequest.objects.count() == 1


def test_purge_leaves_no_personal_data_of_expired_requests_anywhere(client, settings):
    settings.CONSULTATION_RETENTION_DAYS = 30
    first, second, other = patients_requests()
    login_staff(client, make_front_desk_user())
    worked_on_in_the_admin(client, first)
    worked_on_in_the_admin(client, other)
    long_ago = timezone.now() - timezone.timedelta(days=31)
    ConsultationRequest.objects.filter(pk__in=[first.pk, second.pk]).update(created_at=long_ago)

    call_command("purge_consultations", stdout=io.StringIO())

    assert list(ConsultationRequest.objects.all()) == [other]
    assert_nothing_personal_in(stored_text(LogEntry, AccessEvent))
    assert_nothing_personal_in(everything_stored())
    # The request still within retention keeps its history with names and values.
    assert "Omar Khalid" in stored_text(LogEntry)
    assert "other patient" in stored_text(AccessEvent)


def test_deleting_a_request_in_the_admin_leaves_no_name_in_its_history(client):
    first, _, _ = patients_requests()
    login_staff(client, make_superuser())
    worked_on_in_the_admin(client, first)
    delete_url = reverse("admin:consultations_consultationrequest_delete", args=[first.pk])

    client.post(delete_url, {"post": "yes"})

    assert not ConsultationRequest.objects.filter(pk=first.pk).exists()
    assert "Zainab Purged" not in stored_text(LogEntry)
    assert "knee pain" not in stored_text(AccessEvent)


def test_superuser_downloads_a_patients_data_as_json_from_the_admin(client):
    first, second, _ = patients_requests()
    login_staff(client, make_superuser())

    response = client.post(PAGE_URL, {"number": "٠٥٠٥٥٥٠١٢٣", "_export": "1"})

    data = json.loads(response.content)
    assert response["Content-Type"].startswith("application/json")
    assert "attachment;" in response["Content-Disposition"]
    assert [row["id"] for row in data["consultation_requests"]] == [first.pk, second.pk]
    (recorded,) = AccessEvent.objects.filter(action=Action.PERSONAL_DATA_EXPORTED)
    assert recorded.username == "owner"


def test_superuser_erases_after_confirming_in_the_admin(client):
    first, second, other = patients_requests()
    login_staff(client, make_superuser())

    confirm_page = client.post(PAGE_URL, {"number": "050 555 0123", "_erase": "1"})
    still_there = ConsultationRequest.objects.count()
    done = client.post(PAGE_URL, {"number": NUMBER, "_erase": "1", "confirm": "yes"}, follow=True)

    assert f"#{first.pk}" in confirm_page.content.decode()
    assert still_there == 3
    assert list(ConsultationRequest.objects.all()) == [other]
    assert "Erased 2 consultation requests" in done.content.decode()
    (erasure,) = AccessEvent.objects.filter(action=Action.PERSONAL_DATA_ERASED)
    assert (erasure.username, erasure.detail["ids"]) == ("owner", [first.pk, second.pk])


def test_the_admin_page_says_when_the_number_is_not_one(client):
    login_staff(client, make_superuser())

    response = client.post(PAGE_URL, {"number": "Zainab", "_export": "1"})

    assert response.status_code == 200
    assert "This is not a phone number." in response.content.decode()


def test_front_desk_cannot_reach_the_patient_data_page(client):
    patients_requests()
    login_staff(client, make_front_desk_user())

    page = client.get(PAGE_URL)
    download = client.post(PAGE_URL, {"number": NUMBER, "_export": "1"})
    erase = client.post(PAGE_URL, {"number": NUMBER, "_erase": "1", "confirm": "yes"})
    listing = client.get(LIST_URL).content.decode()

    assert (page.status_code, download.status_code, erase.status_code) == (403, 403, 403)
    assert ConsultationRequest.objects.count() == 3
    assert PAGE_URL not in listing


def test_the_consultation_list_links_superusers_to_the_patient_data_page(client):
    login_staff(client, make_superuser())

    assert PAGE_URL in client.get(LIST_URL).content.decode()
    assert client.get(PAGE_URL).status_code == 200


def test_erasing_from_the_admin_needs_the_csrf_token():
    patients_requests()
    client = login_staff(Client(enforce_csrf_checks=True), make_superuser())
    form = client.get(PAGE_URL)
    token = form.context["csrf_token"]

    forged = client.post(PAGE_URL, {"number": NUMBER, "_erase": "1", "confirm": "yes"})
    count_after_forged = ConsultationRequest.objects.count()
    genuine = client.post(
        PAGE_URL,
        {"number": NUMBER, "_erase": "1", "confirm": "yes", "csrfmiddlewaretoken": str(token)},
    )

    assert forged.status_code == 403
    assert count_after_forged == 3
    assert genuine.status_code == 302
    assert ConsultationRequest.objects.count() == 1


def test_not_signed_in_is_sent_to_the_login_page(client):
    response = client.get(PAGE_URL)

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_privacy_page_tells_patients_how_to_ask_for_a_copy_or_deletion(client, settings):
    settings.CLINIC = {**settings.CLINIC, "phone": "+971 4 123 4567", "email": "care@example.ae"}

    page = parse(client.get(reverse("pages:privacy")))

    assert "a copy of everything we store about you" in page.text
    assert "tel:+97141234567" in page.links
    assert "mailto:care@example.ae" in page.links
    assert reverse("pages:contact") in page.links
    assert "check that the request comes from you" in page.text
