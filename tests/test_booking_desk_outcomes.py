"""Attended and No-show on the front desk's day: the row shows the outcome with Undo, a second
outcome is refused until it is undone, and neither is recorded before the visit has begun, even
by a forged POST."""

import pytest
from django.urls import reverse

from booking.models import Booking
from consultations.models import ConsultationRequest, ContactEntry
from tests.factories import clock_at, dubai, make_booking

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache", "fresh_rules")]

MONDAY_9AM = dubai(2026, 11, 30, 9, 0)
DAY = reverse("admin:booking_day") + "?date=2026-11-30"


@pytest.fixture
def begun():
    """A confirmed visit at 8:00 on Monday; the clock says 9:00; the request is booked."""
    booking = make_booking(starts_at=dubai(2026, 11, 30, 8, 0), status="confirmed")
    ConsultationRequest.objects.update(status="booked")
    return booking


def act(client, booking, action):
    return client.post(reverse("admin:booking_act", args=[booking.pk]), {"action": action})


def test_an_attended_visit_shows_its_outcome_with_undo_instead_of_the_buttons(desk, begun):
    with clock_at(MONDAY_9AM):
        act(desk, begun, "attended")
        html = desk.get(DAY).content.decode()

    assert 'class="booking-outcome booking-outcome--attended"' in html
    assert 'value="undo_outcome"' in html
    assert 'value="no_show"' not in html and 'value="attended"' not in html


def test_a_second_outcome_is_refused_until_the_first_is_undone(desk, begun):
    with clock_at(MONDAY_9AM):
        act(desk, begun, "attended")
        refused = desk.get(act(desk, begun, "no_show")["Location"]).content.decode()

    assert ConsultationRequest.objects.get().status == "attended"
    assert ContactEntry.objects.filter(outcome="no_show").count() == 0
    assert "already recorded" in refused


def test_undo_puts_the_request_back_as_it_was_and_says_so_in_the_history(desk, begun):
    with clock_at(MONDAY_9AM):
        act(desk, begun, "no_show")
        act(desk, begun, "undo_outcome")
        html = desk.get(DAY).content.decode()
        act(desk, begun, "attended")

    assert 'value="attended"' in html and "booking-outcome--" not in html
    entries = list(
        ContactEntry.objects.order_by("pk").values_list("outcome", "status_after", "note")
    )
    assert entries[1] == ("status_changed", "booked", "No-show undone")
    assert entries[2][:2] == ("attended", "attended")
    assert Booking.objects.get().status == "confirmed"


@pytest.mark.parametrize("action", ["attended", "no_show"])
def test_a_forged_outcome_before_the_visit_has_begun_is_refused(desk, action):
    later_today = make_booking(starts_at=dubai(2026, 11, 30, 15, 0), status="confirmed")

    with clock_at(MONDAY_9AM):
        html = desk.get(act(desk, later_today, action)["Location"]).content.decode()

    assert ConsultationRequest.objects.get().status == "new"
    assert not ContactEntry.objects.exists()
    assert "has not begun" in html


def test_undo_without_an_outcome_does_nothing(desk, begun):
    with clock_at(MONDAY_9AM):
        act(desk, begun, "undo_outcome")

    assert ConsultationRequest.objects.get().status == "booked"
    assert not ContactEntry.objects.exists()
