"""Booking's rules against silent changes and bots (issue 25): the front desk's "Decline and
stop this request's links", spam shown a time but given none, the thanks page's link sending a
patient with a time to their visit page, a patient's move keeping the request's status and the
time's in step, "None of these suit me" in the contact history, and held read as provisional in
Arabic."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse

from audit.models import AccessEvent
from booking.links import visit_path, visit_token
from booking.models import Booking, ClinicSettings
from consultations.models import ConsultationRequest, ContactEntry
from consultations.references import reference_for
from tests.factories import (
    choose_time,
    clock_at,
    dubai,
    make_booking,
    make_request,
    picker_url,
)
from tests.html import parse
from tests.picker import offered

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache", "fresh_rules")]

MONDAY_9AM = dubai(2026, 11, 30, 9, 0)
PICK = "/consultation/time/"


def instant():
    ClinicSettings.objects.update_or_create(pk=1, defaults={"confirmation": "instant"})


def h1(response):
    return re.search(r"<h1>(.*?)</h1>", response.content.decode(), re.S).group(1).strip()


# The front desk stops a request's links


def test_decline_and_stop_links_frees_the_time_and_the_links_stop_working(desk, client):
    consultation = make_request(name="Layla Hassan")
    booking = make_booking(consultation, starts_at=dubai(2026, 12, 1, 10, 30))
    untouched = make_booking(starts_at=dubai(2026, 12, 1, 11, 0))

    with clock_at(MONDAY_9AM):
        done = desk.post(
            reverse("admin:consultations_consultationrequest_changelist"),
            {"action": "decline_and_stop_links", "_selected_action": [consultation.pk]},
            follow=True,
        )
        desk.logout()
        picker = client.get(picker_url(consultation))
        visit = client.get(visit_path(booking))
        sent = choose_time(client, consultation, "2026-12-02T10:30")

    assert "1 request: its time declined and its links stopped." in done.content.decode()
    assert Booking.objects.get(pk=booking.pk).status == "declined"
    assert Booking.objects.get(pk=untouched.pk).status == "held"
    assert (picker.status_code, visit.status_code, sent.status_code) == (404, 404, 404)
    assert Booking.objects.filter(request=consultation, status="held").count() == 0
    notes = list(ContactEntry.objects.filter(request=consultation).values_list("note", flat=True))
    assert "Time declined: Tue 1 Dec, 10:30" in notes
    assert "Links stopped: the picker and visit links no longer work" in notes
    assert AccessEvent.objects.filter(detail__booking_action="decline").count() == 1


def test_the_bulk_action_is_offered_on_the_requests_list(desk):
    page = desk.get(reverse("admin:consultations_consultationrequest_changelist"))

    assert "Decline and stop this request’s links" in page.content.decode()


# Spam is shown a time and given none


def test_a_spam_request_sees_the_times_and_a_held_page_but_nothing_is_taken(client):
    spam = make_request(status="spam")
    patient = make_request(phone="+971509999999")
    instant()  # "booked at once" once turned a bot's request from spam to booked

    with clock_at(MONDAY_9AM):
        times = offered(client.get(picker_url(spam)))
        sent = choose_time(client, spam, "2026-12-01T10:30")
        shown = client.get(sent["Location"])
        calendar = client.get(sent["Location"] + "calendar.ics")
        real = client.get(choose_time(client, patient, "2026-12-01T10:30")["Location"])

    assert "2026-12-01T10:30" in times
    assert sent.status_code == 302
    assert re.fullmatch(r"/consultation/time/visit/[0-9a-f]{32}:[\w-]+/", sent["Location"])
    assert shown.status_code == 200 and h1(shown) == h1(real)
    assert "Tue 1 Dec, 10:30" in parse(shown).text
    assert calendar.status_code == 200
    spam.refresh_from_db()
    assert spam.status == "spam"
    assert list(Booking.objects.values_list("request_id", flat=True)) == [patient.pk]
    assert not ContactEntry.objects.filter(request=spam).exists()


def test_a_spam_requests_held_page_changes_and_cancels_without_taking_anything(client):
    spam = make_request(status="spam")

    with clock_at(MONDAY_9AM):
        shown = choose_time(client, spam, "2026-12-01T10:30")["Location"]
        token = shown.rstrip("/").rsplit("/", 1)[1]
        picker = client.get(f"{PICK}?v={token}")
        changed = client.post(PICK, {"v": token, "time": "2026-12-02T11:00"})
        cancelled = client.post(changed["Location"], {"cancel": "1"})
        after = client.get(changed["Location"])
        pressed = client.post(PICK, {"r": reference_for(spam), "call_me": "1"})

    assert picker.status_code == 200 and offered(picker)
    assert "Wed 2 Dec, 11:00" in parse(after).text
    assert cancelled.status_code == 302 and pressed.status_code == 302
    assert not Booking.objects.exists() and not ContactEntry.objects.exists()


def test_a_forged_shown_only_link_is_refused(client):
    with clock_at(MONDAY_9AM):
        assert client.get(f"{PICK}visit/29400000:forged/").status_code == 404


# The thanks page's link for a request with a time


@pytest.mark.parametrize("status", ["held", "confirmed"])
def test_the_thanks_page_link_of_a_request_with_a_time_opens_its_visit_page(client, status):
    consultation = make_request()
    booking = make_booking(consultation, status=status)

    with clock_at(MONDAY_9AM):
        english = client.get(picker_url(consultation))
        arabic = client.get(picker_url(consultation, language="ar"))

    assert english.status_code == 302 and english["Location"] == visit_path(booking, "en")
    assert arabic["Location"] == visit_path(booking, "ar")


def test_the_thanks_page_link_after_a_cancelled_time_offers_the_picker_again(client):
    consultation = make_request()
    make_booking(consultation, status="cancelled")

    with clock_at(MONDAY_9AM):
        page = client.get(picker_url(consultation))

    assert page.status_code == 200 and offered(page)


def test_a_patient_moving_a_confirmed_time_gives_the_desk_a_held_one_to_confirm(client):
    consultation = make_request(status="booked")
    booking = make_booking(consultation, status="confirmed")

    with clock_at(MONDAY_9AM):
        client.post(PICK, {"v": visit_token(booking), "time": "2026-12-02T12:00"})

    booking.refresh_from_db()
    consultation.refresh_from_db()
    assert (booking.status, booking.starts_at) == ("held", dubai(2026, 12, 2, 12, 0))
    assert consultation.status == "contacted"
    assert consultation.call_back_on == date(2026, 11, 30)
    entry = ContactEntry.objects.get()
    assert (entry.status_before, entry.status_after) == ("booked", "contacted")


def test_with_instant_confirmation_a_moved_time_stays_confirmed_and_booked(client):
    instant()
    consultation = make_request()
    booking = make_booking(consultation, status="held")  # held before the clinic switched

    with clock_at(MONDAY_9AM):
        client.post(PICK, {"v": visit_token(booking), "time": "2026-12-02T12:00"})

    booking.refresh_from_db()
    consultation.refresh_from_db()
    assert (booking.status, consultation.status) == ("confirmed", "booked")


# "None of these suit me: please call me"


def test_none_of_these_suit_me_is_recorded_once_and_keeps_the_request_due(client):
    consultation = make_request()
    reference = reference_for(consultation)

    with clock_at(MONDAY_9AM + timedelta(hours=2)):
        pressed = [client.post(PICK, {"r": reference, "call_me": "1"}) for _ in range(3)]

    assert [answer["Location"] for answer in pressed] == [reverse("consultations:thanks")] * 3
    entry = ContactEntry.objects.get()
    assert entry.note == "None of the times suit the patient: asked for a call"
    assert entry.channel == "website"
    consultation = ConsultationRequest.objects.get()
    assert consultation.status == "new" and consultation.call_back_on == date(2026, 11, 30)


# A held time reads as provisional in Arabic


def test_a_held_time_reads_as_provisional_in_arabic_and_a_confirmed_one_as_booked(client):
    from django.utils import translation

    held = make_booking(status="held")
    confirmed = make_booking(starts_at=dubai(2026, 12, 2, 10, 30), status="confirmed")

    with clock_at(MONDAY_9AM):
        held_page = client.get(visit_path(held, "ar"))
        confirmed_page = client.get(visit_path(confirmed, "ar"))
    with translation.override("ar"):
        staff_label = str(Booking.Status.HELD.label)
        setting = str(ClinicSettings.Confirmation.HELD.label)

    assert h1(held_page) == "حجزنا لك هذا الموعد مبدئيًا"
    assert "سيؤكده مكتب الاستقبال" in parse(held_page).text
    assert h1(confirmed_page) == "تم حجز استشارتك المجانية"
    assert "مبدئيًا" in staff_label and "مبدئيًا" in setting
