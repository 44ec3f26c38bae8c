"""The patient chooses a time for the free consultation after the form: the clinic's hours in
Dubai, grouped by day, held for the front desk; a time taken a moment before, a past, too soon or
out-of-hours time, a forged or expired link: each answered clearly, nothing lost."""

import re
from datetime import date, time
from html import unescape

import pytest
from django.urls import reverse

from booking.models import Booking, ClinicSettings
from consultations.models import ConsultationRequest, ContactEntry
from ground.models import DatedHours, DayHours
from tests.factories import (
    choose_time,
    clock_at,
    dubai,
    form_data,
    make_booking,
    make_request,
    picker_url,
)
from tests.html import parse
from tests.picker import legends, offered, problem

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache", "fresh_rules")]

MONDAY_9AM = dubai(2026, 11, 30, 9, 0)


def test_a_stored_request_gets_a_link_to_choose_a_time_on_the_thanks_page(client, settings):
    settings.CONSULTATION_MIN_FILL_SECONDS = 0

    sent = client.post(reverse("consultations:form"), form_data())
    thanks = client.get(sent["Location"])

    link = re.search(r'href="(/consultation/time/\?r=[^"]+)"', thanks.content.decode())
    assert link is not None
    assert "Choose a time for your free consultation" in thanks.content.decode()
    assert "Layla" not in sent["Location"] and "501234567" not in sent["Location"]


@pytest.mark.parametrize("query", ["", "?ref=1:forged:signature", "?ref=MQ"])
def test_a_thanks_page_without_a_stored_request_offers_no_time(client, query):
    thanks = client.get(reverse("consultations:thanks") + query)

    assert thanks.status_code == 200
    assert "/consultation/time/" not in thanks.content.decode()


def test_the_free_times_are_grouped_by_day_from_the_minimum_notice(client):
    consultation = make_request()

    with clock_at(MONDAY_9AM):
        response = client.get(picker_url(consultation))

    times = offered(response)
    assert response.status_code == 200
    assert legends(response)[:3] == ["Mon 30 Nov", "Tue 1 Dec", "Wed 2 Dec"]
    assert times[0] == "2026-11-30T11:00"  # opens at 10:00, two hours' notice from 9:00
    assert "2026-11-30T21:30" in times and "2026-11-30T22:00" not in times
    assert not [t for t in times if t.startswith("2026-12-06")]  # Sunday: closed
    assert response.content.decode().count("<fieldset") == 3
    assert "Later times" in response.content.decode()


def test_a_held_or_confirmed_time_is_not_offered_but_a_declined_one_is(client):
    make_booking(starts_at=dubai(2026, 11, 30, 11, 0))
    make_booking(starts_at=dubai(2026, 11, 30, 11, 30), status="confirmed")
    make_booking(starts_at=dubai(2026, 11, 30, 12, 0), status="declined")

    with clock_at(MONDAY_9AM):
        times = offered(client.get(picker_url(make_request(phone="+971509999999"))))

    assert times[:2] == ["2026-11-30T12:00", "2026-11-30T12:30"]


def test_choosing_a_time_holds_it_and_shows_what_happens_next(client):
    consultation = make_request()

    with clock_at(MONDAY_9AM):
        chosen = choose_time(client, consultation, "2026-12-01T10:30")
        visit = client.get(chosen["Location"])

    booking = Booking.objects.get()
    page = parse(visit)
    assert chosen.status_code == 302
    assert (booking.status, booking.starts_at) == ("held", dubai(2026, 12, 1, 10, 30))
    assert "Your time is held" in page.text
    assert "Tue 1 Dec, 10:30" in page.text
    assert "1128, Al Wasl Road" in page.text
    assert any(link.startswith("https://www.google.com/maps") for link in page.links)
    assert any(link.endswith("/calendar.ics") for link in page.links)
    assert "Omar" not in chosen["Location"]
    entry = ContactEntry.objects.get()
    assert entry.outcome == "appointment" and entry.channel == "website"
    assert entry.note == "Chose Tue 1 Dec, 10:30 on the website (held)"
    assert ConsultationRequest.objects.get().status == "new"  # still the front desk's to call


def test_a_time_taken_a_moment_before_gets_a_clear_message_and_the_next_free_times(client):
    consultation = make_request()
    with clock_at(MONDAY_9AM):
        client.get(picker_url(consultation))
    make_booking(starts_at=dubai(2026, 12, 1, 10, 30))  # another patient, a moment before

    with clock_at(MONDAY_9AM):
        response = choose_time(client, consultation, "2026-12-01T10:30")

    assert response.status_code == 409
    assert problem(response) == (
        "Sorry, someone has just taken Tue 1 Dec, 10:30. Your request is safe: please choose "
        "another of these free times."
    )
    assert "2026-12-01T10:30" not in offered(response)
    assert "2026-12-01T11:00" in offered(response)
    assert ConsultationRequest.objects.filter(pk=consultation.pk).exists()
    assert Booking.objects.filter(request=consultation).count() == 0


@pytest.mark.parametrize(
    "value",
    [
        "2026-11-30T08:00",  # past
        "2026-11-30T10:30",  # sooner than the two hours' notice
        "2026-11-30T22:00",  # after closing
        "2026-12-06T11:00",  # Sunday
        "2026-12-15T11:00",  # beyond 14 days
        "2026-11-30T11:10",  # between two times
    ],
    ids=["past", "too-soon", "after-hours", "sunday", "too-far", "off-the-grid"],
)
def test_a_time_the_clinic_does_not_offer_is_refused_clearly(client, value):
    consultation = make_request()

    with clock_at(MONDAY_9AM):
        response = choose_time(client, consultation, value)

    assert response.status_code == 409
    assert problem(response).startswith("That time can’t be booked")
    assert offered(response)[0] == "2026-11-30T11:00"
    assert not Booking.objects.exists()


@pytest.mark.parametrize("value", ["", "tomorrow", "2026-13-01T10:00", "<script>"])
def test_a_tampered_time_is_refused(client, value):
    with clock_at(MONDAY_9AM):
        response = choose_time(client, make_request(), value)

    assert response.status_code == 409
    assert problem(response) == "Please choose a time."
    assert not Booking.objects.exists()


def test_a_double_click_holds_one_time(client):
    consultation = make_request()

    with clock_at(MONDAY_9AM):
        first = choose_time(client, consultation, "2026-12-01T10:30")
        second = choose_time(client, consultation, "2026-12-01T10:30")

    assert first["Location"] == second["Location"]
    assert Booking.objects.count() == 1


def test_booked_at_once_when_the_clinic_says_so(client):
    ClinicSettings.objects.update_or_create(pk=1, defaults={"confirmation": "instant"})
    consultation = make_request()

    with clock_at(MONDAY_9AM):
        choose_time(client, consultation, "2026-12-01T10:30")

    assert Booking.objects.get().status == "confirmed"
    assert ConsultationRequest.objects.get().status == "booked"


def test_two_at_once_takes_two_patients_then_refuses_the_third(client):
    ClinicSettings.objects.update_or_create(pk=1, defaults={"capacity": 2})
    patients = [make_request(phone=f"+97150000000{n}") for n in range(3)]

    with clock_at(MONDAY_9AM):
        codes = [choose_time(client, p, "2026-12-01T10:30").status_code for p in patients]

    assert codes == [302, 302, 409]
    assert sorted(Booking.objects.values_list("seat", flat=True)) == [0, 1]


def test_a_closed_day_and_ramadan_hours_replace_the_weekly_hours(client):
    ramadan = DatedHours.objects.create(
        name="Ramadan", starts_on=date(2026, 11, 30), ends_on=date(2026, 12, 10)
    )
    for weekday in range(6):
        DayHours.objects.create(plan=ramadan, weekday=weekday, opens=time(20), closes=time(23))
    DatedHours.objects.create(
        name="National Day", starts_on=date(2026, 12, 2), ends_on=date(2026, 12, 2), closed=True
    )

    with clock_at(MONDAY_9AM):
        response = client.get(picker_url(make_request()))

    times = offered(response)
    assert times[:6] == [
        "2026-11-30T20:00", "2026-11-30T20:30", "2026-11-30T21:00", "2026-11-30T21:30",
        "2026-11-30T22:00", "2026-11-30T22:30",
    ]  # fmt: skip
    assert not [t for t in times if t.startswith("2026-12-02")]
    assert legends(response)[:3] == ["Mon 30 Nov", "Tue 1 Dec", "Thu 3 Dec"]


def test_the_arabic_picker_is_right_to_left_with_arabic_day_and_month_names(client):
    with clock_at(MONDAY_9AM):
        response = client.get(picker_url(make_request(), language="ar"))

    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert legends(response)[:2] == ["الاثنين 30 نوفمبر", "الثلاثاء 1 ديسمبر"]


def test_choosing_again_from_the_thanks_page_link_moves_the_time_it_holds(client):
    consultation = make_request()

    with clock_at(MONDAY_9AM):
        first = choose_time(client, consultation, "2026-12-01T10:30")
        again = choose_time(client, consultation, "2026-12-01T11:00")

    assert first["Location"] == again["Location"]
    assert Booking.objects.get().starts_at == dubai(2026, 12, 1, 11, 0)
    assert ContactEntry.objects.last().note.startswith("Chose Tue 1 Dec, 10:30")
    assert (
        ContactEntry.objects.first().note == "Time moved from Tue 1 Dec, 10:30 to Tue 1 Dec, 11:00"
    )


def test_the_language_switch_keeps_each_patients_own_picker(client):
    def switch_link(response):
        return re.search(r'class="language-switch" href="([^"]+)"', response.content.decode())

    first, second = make_request(), make_request(phone="+971501112233")
    with clock_at(MONDAY_9AM):
        client.get(picker_url(first))  # the page is kept from here on
        seconds_link = picker_url(second)
        shown = client.get(seconds_link)
        switched = client.get(unescape(switch_link(shown).group(1)))
        arabic = client.get(switched["Location"])

    assert switched["Location"] == f"/ar{seconds_link}"
    assert arabic.status_code == 200
    assert legends(arabic)[:2] == ["الاثنين 30 نوفمبر", "الثلاثاء 1 ديسمبر"]
