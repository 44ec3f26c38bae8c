"""The front desk's Times to confirm: every held time, soonest first, with how long it has
waited and Confirm / Decline on the row; the front page's count and the nav link there."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse

from booking.models import Booking
from tests.factories import clock_at, dubai, login_staff, make_booking, make_front_desk_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache", "fresh_rules")]

MONDAY_9AM = dubai(2026, 11, 30, 9, 0)


def test_every_held_time_is_listed_soonest_first_with_how_long_it_waited(desk):
    later = make_booking(starts_at=dubai(2026, 12, 9, 11, 0))
    sooner = make_booking(starts_at=dubai(2026, 12, 2, 15, 0))
    make_booking(starts_at=dubai(2026, 12, 1, 10, 30), status="confirmed")
    Booking.objects.filter(pk=sooner.pk).update(created_at=MONDAY_9AM - timedelta(hours=5))
    Booking.objects.filter(pk=later.pk).update(created_at=MONDAY_9AM - timedelta(days=2))

    with clock_at(MONDAY_9AM):
        html = desk.get(reverse("admin:booking_to_confirm")).content.decode()

    times = re.findall(r'class="booking-visit__time">([^<]+)<', html)
    assert times == ["Wed 2 Dec, 15:00", "Wed 9 Dec, 11:00"]
    assert "Waiting 5\xa0hours for confirmation" in html
    assert "Waiting 2\xa0days for confirmation" in html
    assert html.count('value="confirm"') == 2 and html.count('value="decline"') == 2


def test_confirming_from_the_list_comes_back_to_the_list(desk):
    booking = make_booking(starts_at=dubai(2026, 12, 2, 15, 0))
    listing = reverse("admin:booking_to_confirm")

    with clock_at(MONDAY_9AM):
        response = desk.post(
            reverse("admin:booking_act", args=[booking.pk]), {"action": "confirm", "next": listing}
        )

    assert response["Location"] == listing
    assert Booking.objects.get().status == "confirmed"


def test_the_front_pages_count_and_the_nav_link_to_the_list(desk):
    make_booking(starts_at=dubai(2026, 12, 9, 11, 0))
    listing = reverse("admin:booking_to_confirm")

    with clock_at(MONDAY_9AM):
        front = desk.get(reverse("admin:index")).content.decode()
        day = desk.get(reverse("admin:booking_day")).content.decode()

    assert f'<a href="{listing}">1 time to confirm</a>' in front
    assert f'href="{listing}">Times to confirm</a>' in day


def test_the_front_desks_lists_lapse_overdue_holds_without_waiting_for_a_patient(client):
    login_staff(client, make_front_desk_user())
    overdue = make_booking(
        starts_at=dubai(2026, 12, 3, 10, 30), lapses_at=dubai(2026, 12, 1, 22, 0)
    )

    with clock_at(dubai(2026, 12, 2, 9, 0)):
        for name in ("admin:booking_to_confirm", "admin:booking_day", "admin:booking_week"):
            page = client.get(reverse(name) + "?date=2026-12-03").content.decode()
            assert "Omar Khalid" not in page, name

    assert Booking.objects.get(pk=overdue.pk).status == "lapsed"
