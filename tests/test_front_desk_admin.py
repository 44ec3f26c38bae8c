"""The front desk in the admin: what to do now, logging an attempt, the request's history and
the same patient's other requests, and the history in exports, the trail and the purge."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse

from audit.models import AccessEvent
from consultations import patient_data
from consultations.models import ConsultationRequest, ContactEntry
from tests.factories import (
    clock_at,
    dubai,
    login_staff,
    make_contact,
    make_front_desk_user,
    make_request,
)

pytestmark = pytest.mark.django_db

Outcome = ContactEntry.Outcome
Status = ConsultationRequest.Status
LIST_URL = reverse("admin:consultations_consultationrequest_changelist")
TUESDAY = dubai(2026, 11, 24, 11)


def log_url(consultation):
    return reverse("admin:frontdesk_log_contact", args=[consultation.pk])


def change_url(consultation):
    return reverse("admin:consultations_consultationrequest_change", args=[consultation.pk])


@pytest.fixture
def desk(client):
    user = make_front_desk_user()
    login_staff(client, user)
    return user


def names_in_list(response):
    return [row.name for row in response.context["cl"].result_list]


def test_the_list_opens_on_new_requests_oldest_first_then_follow_ups_due(client, desk):
    make_request(name="Booked", status=Status.BOOKED, created_at=dubai(2026, 11, 20))
    make_request(name="Later", status=Status.CONTACTED, call_back_on=date(2026, 11, 30))
    make_request(name="Due", status=Status.CONTACTED, call_back_on=date(2026, 11, 23))
    make_request(name="Newer", created_at=dubai(2026, 11, 23, 12))
    make_request(name="Older", created_at=dubai(2026, 11, 22, 12))

    with clock_at(TUESDAY):
        response = client.get(LIST_URL)

    assert names_in_list(response) == ["Older", "Newer", "Due"]


def test_all_mine_and_overdue_are_one_filter_away(client, desk):
    make_request(name="Booked", status=Status.BOOKED)
    make_request(name="Overdue", status=Status.CONTACTED, call_back_on=date(2026, 11, 23))
    make_request(name="Mine", status=Status.CONTACTED, owner=desk)

    with clock_at(TUESDAY):
        everything = client.get(LIST_URL, {"work": "all"})
        mine = client.get(LIST_URL, {"work": "mine"})
        overdue = client.get(LIST_URL, {"work": "overdue"})

    assert sorted(names_in_list(everything)) == ["Booked", "Mine", "Overdue"]
    assert names_in_list(mine) == ["Mine"]
    assert names_in_list(overdue) == ["Overdue"]


def test_a_search_finds_requests_outside_what_to_do_now(client, desk):
    make_request(name="Booked", status=Status.BOOKED, phone="+971501112222")

    response = client.get(LIST_URL, {"q": "050 111 2222"})

    assert names_in_list(response) == ["Booked"]


def test_the_admin_index_counts_new_requests_and_call_backs_due_today(client, desk):
    make_request(name="A")
    make_request(name="B")
    make_request(status=Status.CONTACTED, call_back_on=date(2026, 11, 24))
    make_request(status=Status.BOOKED, call_back_on=date(2026, 11, 24))

    with clock_at(TUESDAY):
        response = client.get(reverse("admin:index"))

    assert "2 new, 1 to call back today" in response.text


def test_no_answer_with_a_call_back_tomorrow_is_due_the_next_day(client, desk):
    consultation = make_request(name="Huda", created_at=dubai(2026, 11, 24, 10))

    with clock_at(TUESDAY):
        client.post(log_url(consultation), {"outcome": "no_answer", "call_back": "tomorrow"})
        today = client.get(LIST_URL, {"work": "due_today"})
    with clock_at(TUESDAY + timedelta(days=1)):
        tomorrow = client.get(LIST_URL, {"work": "due_today"})

    consultation.refresh_from_db()
    assert consultation.status == Status.CONTACTED
    assert consultation.call_back_on == date(2026, 11, 25)
    assert consultation.minutes_to_first_attempt == 60
    assert names_in_list(today) == []
    assert names_in_list(tomorrow) == ["Huda"]


def test_the_list_shows_the_clocks_the_best_time_and_a_log_button(client, desk):
    consultation = make_request(best_time="evening", prefers="whatsapp")

    response = client.get(LIST_URL)

    assert "Evening" in response.text
    assert "WhatsApp" in response.text
    assert log_url(consultation) in response.text


def test_a_booking_logged_with_a_note_is_in_the_history_newest_first(client, desk):
    consultation = make_request()
    make_contact(consultation, desk, Outcome.NO_ANSWER, dubai(2026, 11, 23, 11))

    client.post(log_url(consultation), {"outcome": "booked", "note": "Saturday 4pm"})
    page = client.get(change_url(consultation)).text

    assert page.index("Booked") < page.index("Called, no answer")
    assert "Saturday 4pm" in page


def test_the_log_page_offers_to_close_an_unreachable_request(client, desk):
    consultation = make_request(created_at=dubai(2026, 11, 23, 9))
    for day in (23, 24, 25):
        make_contact(consultation, desk, Outcome.NO_ANSWER, dubai(2026, 11, day, 10))

    with clock_at(dubai(2026, 11, 27, 12)):
        offered = client.get(log_url(consultation)).text
        client.post(log_url(consultation), {"close_unreachable": "1"})

    consultation.refresh_from_db()
    assert "Close as unreachable" in offered
    assert consultation.status == Status.UNREACHABLE
    assert consultation.contact_entries.first().status_after == Status.UNREACHABLE


def test_the_request_shows_the_same_patients_other_requests(client, desk):
    earlier = make_request(phone="+971501234567", utm_source="google", status=Status.BOOKED)
    consultation = make_request(phone="+971509999999", whatsapp="+971501234567")

    page = client.get(change_url(consultation)).text

    assert f"#{earlier.pk}" in page
    assert "google" in page


def test_a_status_changed_on_the_change_form_joins_the_history(client, desk):
    consultation = make_request()
    data = {
        "name": consultation.name,
        "phone": str(consultation.phone),
        "whatsapp": str(consultation.whatsapp),
        "status": "not_interested",
    }

    client.post(change_url(consultation), data)

    entry = consultation.contact_entries.get()
    assert (entry.outcome, entry.status_before, entry.status_after, entry.user) == (
        Outcome.STATUS_CHANGED,
        "new",
        "not_interested",
        desk,
    )


def test_a_status_changed_by_a_bulk_action_joins_each_requests_history(client, desk):
    first, second = make_request(), make_request(phone="+971509999999", status="contacted")

    client.post(LIST_URL, {"action": "mark_spam", "_selected_action": [first.pk, second.pk]})

    assert [e.status_before for e in ContactEntry.objects.order_by("request_id")] == [
        "new",
        "contacted",
    ]


def test_reading_a_requests_history_is_on_the_access_trail(client, desk):
    consultation = make_request()

    client.get(log_url(consultation))

    event = AccessEvent.objects.get(action=AccessEvent.Action.VIEWED)
    assert (event.username, event.object_id, event.detail) == (
        "desk",
        str(consultation.pk),
        {"history": True},
    )


def test_the_csv_export_carries_the_contact_history_and_its_notes(client, desk):
    consultation = make_request(best_time="morning")
    make_contact(consultation, desk, Outcome.CALL_BACK_LATER, dubai(2026, 11, 23, 11), note="Sat")

    response = client.get(
        reverse("admin:consultations_consultationrequest_export"), {"work": "all"}
    )

    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode()[1:])))
    assert rows[0]["Contact history"] == "2026-11-23 11:00 desk: Call back later (Sat)"
    assert rows[0]["Best time to call"] == "Morning"


def test_a_patients_data_export_includes_the_contact_history(desk):
    consultation = make_request(phone="+971501234567")
    make_contact(consultation, desk, Outcome.VOICEMAIL, dubai(2026, 11, 23, 11), note="left msg")

    data = patient_data.export("+971501234567", username="dpo")

    assert [(e["outcome"], e["note"]) for e in data["contact_history"]] == [
        ("voicemail", "left msg")
    ]


def test_erasing_a_patient_and_the_retention_purge_delete_the_history(settings, desk):
    erased = make_request(phone="+971501234567")
    expired = make_request(phone="+971509999999", created_at=dubai(2020, 1, 1))
    kept = make_request(phone="+971508888888")
    for consultation in (erased, expired, kept):
        make_contact(consultation, desk, Outcome.NO_ANSWER, dubai(2026, 11, 23, 11), note="x")

    patient_data.erase("+971501234567", username="dpo")
    call_command("purge_consultations", stdout=io.StringIO())

    assert list(ContactEntry.objects.values_list("request_id", flat=True)) == [kept.pk]


def test_the_work_filter_offers_each_view_once(client, desk):
    response = client.get(LIST_URL)

    work = next(
        spec for spec in response.context["cl"].filter_specs if spec.parameter_name == "work"
    )
    displays = [str(choice["display"]) for choice in work.choices(response.context["cl"])]
    assert displays == ["What to do now", "Mine", "Due today", "Overdue", "All"]
