"""Smaller things seen on the front desk's screenshots: the move page's times in a fieldset per
day (not a 245-option select), dated hours without seconds or seven blank lines, the day-hours
heading in Arabic, and one number holding two times flagged on the day row."""

import re
from datetime import date, time

import pytest
from django.urls import reverse
from django.utils import translation

from ground.models import DatedHours, DayHours
from tests.factories import (
    clock_at,
    dubai,
    login_staff,
    make_booking,
    make_request,
    make_superuser,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache", "fresh_rules")]

MONDAY_9AM = dubai(2026, 11, 30, 9, 0)


def test_the_move_page_offers_the_free_times_as_radio_buttons_in_a_fieldset_per_day(desk):
    booking = make_booking(starts_at=dubai(2026, 12, 1, 10, 30))

    with clock_at(MONDAY_9AM):
        html = desk.get(reverse("admin:booking_move", args=[booking.pk])).content.decode()

    assert "<select" not in html
    legends = re.findall(r"<legend>([^<]+)</legend>", html)
    assert legends[:3] == ["Mon 30 Nov", "Tue 1 Dec", "Wed 2 Dec"]
    assert '<input type="radio" name="time" value="2026-12-02T15:00" required> 15:00' in html
    assert 'value="2026-12-01T10:30"' not in html  # the patient's own time is not "free"


def test_dated_hours_show_the_clock_without_seconds_and_one_blank_line(client):
    login_staff(client, make_superuser())
    plan = DatedHours.objects.create(
        name="Ramadan", starts_on=date(2026, 12, 1), ends_on=date(2026, 12, 10)
    )
    DayHours.objects.create(plan=plan, weekday=1, opens=time(20), closes=time(23))

    html = client.get(reverse("admin:ground_datedhours_change", args=[plan.pk])).content.decode()

    assert 'value="20:00"' in html and "20:00:00" not in html
    assert 'name="days-TOTAL_FORMS" value="2"' in html


def test_the_day_hours_heading_reads_from_to_in_arabic():
    hours = DayHours(weekday=1, opens=time(20), closes=time(23))

    with translation.override("ar"):
        assert str(hours) == "الثلاثاء من 20:00 إلى 23:00"
    with translation.override("en"):
        assert str(hours) == "Tuesday 20:00–23:00"


def test_one_number_holding_two_times_is_flagged_on_the_day_row(desk):
    first = make_request(name="Omar Khalid", phone="+971501234567")
    second = make_request(name="Omar K", phone="+971501234567")
    make_booking(first, starts_at=dubai(2026, 12, 1, 10, 30))
    make_booking(second, starts_at=dubai(2026, 12, 3, 12, 0))
    make_booking(starts_at=dubai(2026, 12, 1, 11, 0))

    with clock_at(MONDAY_9AM):
        html = desk.get(reverse("admin:booking_day") + "?date=2026-12-01").content.decode()

    assert html.count("This number also holds") == 1
    assert f'<a href="{reverse("admin:booking_day")}?date=2026-12-03">Thu 3 Dec, 12:00</a>' in html


def test_a_new_plan_has_a_line_per_weekday_and_saves_only_the_lines_filled_in(client):
    login_staff(client, make_superuser())
    add = reverse("admin:ground_datedhours_add")
    management = {"days-TOTAL_FORMS": 7, "days-INITIAL_FORMS": 0,
                  "days-MIN_NUM_FORMS": 0, "days-MAX_NUM_FORMS": 1000}  # fmt: skip
    lines = {f"days-{n}-weekday": n for n in range(7)}

    page = client.get(add).content.decode()
    client.post(add, {
        "name": "Ramadan", "starts_on": "2027-02-08", "ends_on": "2027-03-09",
        **management, **lines, "days-1-opens": "20:00", "days-1-closes": "23:00",
    })  # fmt: skip

    assert '<option value="6" selected>Sunday</option>' in page
    assert [str(day) for day in DayHours.objects.all()] == ["Tuesday 20:00–23:00"]
