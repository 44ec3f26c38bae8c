"""Booking's rules against hoarding and silent changes (issue 25): one active time per phone
number, the picker's rate limit, held times that lapse, the front desk's "Decline and stop this
request's links", spam shown a time but given none, the thanks page's link sending a patient
with a time to their visit page, a patient's move keeping the request's status and the time's
in step, and "None of these suit me" in the contact history."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse

from audit.models import AccessEvent
from booking.links import visit_path, visit_token
from booking.models import Booking, ClinicSettings, DatedHours
from consultations.models import ConsultationRequest
from consultations.references import reference_for
from frontdesk.models import ContactEntry
from tests.factories import (
    choose_time,
    clock_at,
    dubai,
    login_staff,
    make_booking,
    make_front_desk_user,
    make_request,
    picker_url,
)
from tests.html import parse
from tests.picker import offered, problem

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache", "fresh_rules")]

MONDAY_9AM = dubai(2026, 11, 30, 9, 0)
PICK = "/consultation/time/"


def instant():
    ClinicSettings.objects.update_or_create(pk=1, defaults={"confirmation": "instant"})


def h1(response):
    return re.search(r"<h1>(.*?)</h1>", response.content.decode(), re.S).group(1).strip()


# One active time per number


def test_a_number_holding_a_time_on_one_request_cant_hold_another_on_a_second(client):
    first = make_request(phone="+971501111111")
    # The same patient again, their number given as the WhatsApp this time.
    second = make_request(phone="+971502222222", whatsapp="+971501111111")

    with clock_at(MONDAY_9AM):
        held = choose_time(client, first, "2026-12-01T10:30")
        refused = choose_time(client, second, "2026-12-02T11:00")

    assert held.status_code == 302
    assert refused.status_code == 409
    assert "This phone number already has a consultation time" in problem(refused)
    assert "front desk" in problem(refused)
    assert "1 Dec" not in problem(refused) and "10:30" not in problem(refused)
    assert list(Booking.objects.values_list("request_id", "status")) == [(first.pk, "held")]


def test_a_confirmed_time_on_another_request_of_the_number_counts_too(client):
    make_booking(make_request(phone="+971501111111"), status="confirmed")

    with clock_at(MONDAY_9AM):
        refused = choose_time(client, make_request(phone="+971501111111"), "2026-12-02T11:00")

    assert refused.status_code == 409
    assert Booking.objects.count() == 1


def test_a_number_whose_time_was_cancelled_may_choose_again(client):
    make_booking(make_request(phone="+971501111111"), status="cancelled")

    with clock_at(MONDAY_9AM):
        chosen = choose_time(client, make_request(phone="+971501111111"), "2026-12-02T11:00")

    assert chosen.status_code == 302
    assert Booking.objects.filter(status="held").count() == 1


def test_the_picker_is_rate_limited_per_client_like_the_form(client, settings):
    settings.BOOKING_PICK_RATE_LIMIT = 3
    consultation = make_request()

    with clock_at(MONDAY_9AM):
        answers = [choose_time(client, consultation, "2026-12-01T10:30") for _ in range(4)]

    assert [answer.status_code for answer in answers] == [302, 302, 302, 429]
    assert int(answers[-1]["Retry-After"]) > 0
    assert "Please call or WhatsApp us instead" in parse(answers[-1]).text


# Held times lapse


def test_a_held_time_not_confirmed_by_the_end_of_the_next_opening_day_lapses(client):
    consultation = make_request()
    with clock_at(MONDAY_9AM):
        choose_time(client, consultation, "2026-12-03T10:30")
    booking = Booking.objects.get()
    other = make_request(phone="+971509999999")

    with clock_at(dubai(2026, 12, 1, 21, 59)):
        before = offered(client.get(picker_url(other)))
    with clock_at(dubai(2026, 12, 1, 22, 0)):
        after = offered(client.get(picker_url(other)))
        page = client.get(visit_path(booking))

    assert booking.lapses_at == dubai(2026, 12, 1, 22, 0)
    assert "2026-12-03T10:30" not in before
    assert "2026-12-03T10:30" in after
    assert Booking.objects.get().status == "lapsed"
    assert h1(page) == "This time was not confirmed in time"
    assert "The front desk could not confirm Thu 3 Dec, 10:30 in time" in parse(page).text
    lapsed = ContactEntry.objects.get(note__startswith="Held time lapsed")
    assert lapsed.note == "Held time lapsed, not confirmed in time: Thu 3 Dec, 10:30"
    consultation.refresh_from_db()
    assert consultation.status == "new" and consultation.call_back_on == date(2026, 12, 1)


def test_a_lapsed_hold_is_freed_before_anyone_is_refused_for_it(client):
    with clock_at(MONDAY_9AM):
        choose_time(client, make_request(), "2026-12-03T10:30")

    with clock_at(dubai(2026, 12, 2, 9, 0)):
        # Nothing has read the times since it lapsed: the choice itself frees it first.
        taken = choose_time(client, make_request(phone="+971509999999"), "2026-12-03T10:30")

    assert taken.status_code == 302
    assert sorted(Booking.objects.values_list("status", flat=True)) == ["held", "lapsed"]
    assert ContactEntry.objects.filter(note__startswith="Held time lapsed").count() == 1


def test_a_confirmed_time_never_lapses(client):
    with clock_at(MONDAY_9AM):
        choose_time(client, make_request(), "2026-12-03T10:30")
    Booking.objects.update(status="confirmed")

    with clock_at(dubai(2026, 12, 2, 9, 0)):
        client.get(picker_url(make_request(phone="+971509999999")))

    assert Booking.objects.get().status == "confirmed"


def test_the_hold_lasts_to_the_close_of_the_next_day_the_clinic_opens(client):
    DatedHours.objects.create(
        name="National Day", starts_on=date(2026, 12, 2), ends_on=date(2026, 12, 3), closed=True
    )
    ClinicSettings.objects.update_or_create(pk=1, defaults={"hold_opening_days": 2})

    # Chosen on Tuesday: Wednesday and Thursday closed, Friday the first opening day, Saturday
    # the second.
    with clock_at(dubai(2026, 12, 1, 12, 0)):
        choose_time(client, make_request(), "2026-12-07T10:30")

    assert Booking.objects.get().lapses_at == dubai(2026, 12, 5, 22, 0)


def test_a_patients_move_of_a_held_time_holds_it_anew(client):
    consultation = make_request()
    with clock_at(MONDAY_9AM):
        choose_time(client, consultation, "2026-12-03T10:30")
    with clock_at(dubai(2026, 12, 1, 12, 0)):
        choose_time(client, consultation, "2026-12-04T10:30")

    assert Booking.objects.get().lapses_at == dubai(2026, 12, 2, 22, 0)


# The front desk stops a request's links


@pytest.fixture
def desk(client):
    login_staff(client, make_front_desk_user())
    return client


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


def test_the_clinic_manager_sets_how_long_a_held_time_waits_for_confirmation(client):
    from django.contrib.auth.models import Group, User

    manager = User.objects.create_user("manager", password="manager-pass-123", is_staff=True)
    manager.groups.add(Group.objects.get(name="Clinic manager"))
    login_staff(client, manager)
    url = reverse("admin:booking_clinicsettings_change", args=[1])
    ClinicSettings.load()
    data = {
        "slot_minutes": 30, "buffer_minutes": 0, "minimum_notice_hours": 2, "days_ahead": 14,
        "capacity": 1, "confirmation": "held",
    }  # fmt: skip

    shown = client.get(url).content.decode()
    refused = client.post(url, {**data, "hold_opening_days": 0})
    saved = client.post(url, {**data, "hold_opening_days": 3})

    assert "A held time lapses after (opening days)" in shown
    assert refused.status_code == 200
    assert saved.status_code == 302 and ClinicSettings.load().hold_opening_days == 3
