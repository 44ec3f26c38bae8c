"""Closing a day over bookings: saving a closed day or a dated plan that leaves held or confirmed
times outside the hours warns with the count and the days; the day and week views mark a
closed day with its name and flag the times outside the hours. Weekly hours shortened over
bookings to come warn the same way."""

import re
from datetime import date

import pytest
from django.urls import reverse

from ground.models import DatedHours, WeeklyHours
from tests.factories import (
    clock_at,
    dubai,
    login_staff,
    make_booking,
    make_front_desk_user,
    make_superuser,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache", "fresh_rules")]

MONDAY_9AM = dubai(2026, 11, 30, 9, 0)
ADD = reverse("admin:ground_datedhours_add")


def plan(name, starts_on, ends_on, closed=False, spans=()):
    data = {
        "name": name, "starts_on": starts_on, "ends_on": ends_on,
        "days-TOTAL_FORMS": len(spans), "days-INITIAL_FORMS": 0,
        "days-MIN_NUM_FORMS": 0, "days-MAX_NUM_FORMS": 1000,
    }  # fmt: skip
    if closed:
        data["closed"] = "on"
    for n, (weekday, opens, closes) in enumerate(spans):
        data |= {f"days-{n}-weekday": weekday, f"days-{n}-opens": opens,
                 f"days-{n}-closes": closes}  # fmt: skip
    return data


@pytest.fixture
def owner(client):
    login_staff(client, make_superuser())
    return client


def test_closing_a_day_over_a_booking_warns_with_the_count_and_the_day(owner):
    make_booking(starts_at=dubai(2026, 12, 2, 10, 30), status="confirmed")
    make_booking(starts_at=dubai(2026, 12, 2, 15, 0))
    make_booking(starts_at=dubai(2026, 12, 3, 15, 0))

    with clock_at(MONDAY_9AM):
        page = owner.post(
            ADD, plan("National Day", "2026-12-02", "2026-12-02", closed=True), follow=True
        ).content.decode()

    assert DatedHours.objects.get().closed
    warning = re.search(r'<li class="warning">(.*?)</li>', page, re.S).group(1)
    assert "2 held or confirmed times are now outside the clinic’s hours" in warning
    assert f'<a href="{reverse("admin:booking_day")}?date=2026-12-02">Wed 2 Dec</a>' in warning
    assert "2026-12-03" not in warning


def test_a_ramadan_plan_that_leaves_a_morning_time_outside_its_hours_warns(owner):
    make_booking(starts_at=dubai(2026, 12, 1, 10, 30))
    make_booking(starts_at=dubai(2026, 12, 1, 20, 30))
    tuesday_evening = [(1, "20:00", "23:00")]

    with clock_at(MONDAY_9AM):
        page = owner.post(
            ADD, plan("Ramadan", "2026-12-01", "2026-12-10", spans=tuesday_evening), follow=True
        ).content.decode()

    assert "1 held or confirmed time is now outside the clinic’s hours" in page


def test_a_plan_that_leaves_every_time_inside_its_hours_says_nothing(owner):
    make_booking(starts_at=dubai(2026, 12, 1, 10, 30))

    with clock_at(MONDAY_9AM):
        page = owner.post(
            ADD, plan("Eid", "2026-12-05", "2026-12-06", closed=True), follow=True
        ).content.decode()

    assert 'class="warning"' not in page


def test_the_day_and_the_week_mark_a_closed_day_and_flag_the_times_outside_the_hours(client):
    login_staff(client, make_front_desk_user())
    make_booking(starts_at=dubai(2026, 12, 2, 10, 30))
    make_booking(starts_at=dubai(2026, 12, 1, 10, 30))
    DatedHours.objects.create(
        name="National Day", starts_on=date(2026, 12, 2), ends_on=date(2026, 12, 2), closed=True
    )

    with clock_at(MONDAY_9AM):
        day = client.get(reverse("admin:booking_day") + "?date=2026-12-02").content.decode()
        open_day = client.get(reverse("admin:booking_day") + "?date=2026-12-01").content.decode()
        week = client.get(reverse("admin:booking_week") + "?date=2026-12-02").content.decode()

    assert '<p class="booking-closed">Closed: National Day</p>' in day
    assert "Outside the clinic’s hours on this day" in day
    assert "booking-closed" not in open_day and "Outside the clinic’s hours" not in open_day
    assert week.count('<p class="booking-closed">Closed: National Day</p>') == 1
    assert '<p class="booking-closed">Closed</p>' in week  # Sunday, closed every week
    assert week.count("Outside the clinic’s hours on this day") == 1


def test_deleting_a_plan_whose_late_hours_hold_a_time_warns(owner):
    ramadan = DatedHours.objects.create(
        name="Ramadan", starts_on=date(2026, 12, 1), ends_on=date(2026, 12, 10)
    )
    ramadan.days.create(weekday=1, opens="20:00", closes="23:30")
    make_booking(starts_at=dubai(2026, 12, 1, 22, 30))  # after the weekly 22:00

    with clock_at(MONDAY_9AM):
        page = owner.post(
            reverse("admin:ground_datedhours_delete", args=[ramadan.pk]), {"post": "yes"},
            follow=True,
        ).content.decode()  # fmt: skip

    assert not DatedHours.objects.exists()
    assert "1 held or confirmed time is now outside the clinic’s hours" in page


def test_shortening_the_weekly_hours_over_a_time_to_come_warns_but_not_over_one_past(owner):
    make_booking(starts_at=dubai(2026, 12, 7, 20, 30))  # a Monday evening to come
    make_booking(starts_at=dubai(2026, 11, 23, 20, 30), status="confirmed")  # one gone by
    monday = WeeklyHours.objects.get(weekday=0)
    url = reverse("admin:ground_weeklyhours_change", args=[monday.pk])

    with clock_at(MONDAY_9AM):
        page = owner.post(
            url, {"weekday": 0, "opens": "10:00", "closes": "18:00"}, follow=True
        ).content.decode()

    assert WeeklyHours.objects.get(pk=monday.pk).closes.hour == 18
    assert "1 held or confirmed time is now outside the clinic’s hours" in page
    assert "?date=2026-12-07" in page and "2026-11-23" not in page
