"""Booking's rules against hoarding (issue 25): one active time per phone number, the picker's
rate limit, and held times that lapse when the front desk has not confirmed them in time."""

import re
from datetime import date

import pytest
from django.urls import reverse

from booking.links import visit_path
from booking.models import Booking, ClinicSettings
from consultations.models import ContactEntry
from ground.models import DatedHours
from tests.factories import (
    choose_time,
    clock_at,
    dubai,
    login_staff,
    make_booking,
    make_request,
    picker_url,
)
from tests.html import parse
from tests.picker import offered, problem

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache", "fresh_rules")]

MONDAY_9AM = dubai(2026, 11, 30, 9, 0)


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
