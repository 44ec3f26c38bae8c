"""Booking settings that would hang every worker: a consultation of no length, no place at a
time, years of days ahead. The admin refuses them, the picker stays bounded even when such a row
is in the database, and the front desk's day and week answer 404 for dates off the calendar."""

import signal
import time
from contextlib import contextmanager
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from booking import slots
from booking.models import ClinicSettings
from tests.factories import (
    clock_at,
    dubai,
    login_staff,
    make_request,
    make_superuser,
    picker_url,
)
from tests.picker import offered

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache", "fresh_rules")]

MONDAY_9AM = dubai(2026, 11, 30, 9, 0)


@contextmanager
def at_most(seconds):
    """Stop the code under test with TimeoutError if it runs longer (an endless loop too)."""

    def stop(signum, frame):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def settings_with(**values):
    current = ClinicSettings.load()
    for name, value in values.items():
        setattr(current, name, value)
    return current


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("slot_minutes", 0),
        ("slot_minutes", 4),
        ("capacity", 0),
        ("days_ahead", 91),
        ("days_ahead", 32767),
    ],
)
def test_the_settings_refuse_values_that_would_hang_the_picker(field, value):
    with pytest.raises(ValidationError) as refused:
        settings_with(**{field: value}).full_clean()

    assert field in refused.value.message_dict


def test_the_settings_accept_the_bounds_themselves():
    settings_with(slot_minutes=5, buffer_minutes=0, capacity=1, days_ahead=90).full_clean()


def test_the_settings_page_says_what_is_wrong(client):
    ClinicSettings.load()
    login_staff(client, make_superuser())
    data = {
        "slot_minutes": 0,
        "buffer_minutes": 0,
        "minimum_notice_hours": 2,
        "days_ahead": 32767,
        "capacity": 0,
        "confirmation": "held",
    }

    response = client.post(reverse("admin:booking_clinicsettings_change", args=[1]), data)

    assert response.status_code == 200  # the form again, with its errors
    errors = response.context["adminform"].form.errors
    assert set(errors) >= {"slot_minutes", "days_ahead", "capacity"}
    assert ClinicSettings.load().slot_minutes == 30


def test_a_consultation_of_no_length_in_the_database_does_not_hang_the_picker(client):
    ClinicSettings.load()
    ClinicSettings.objects.update(slot_minutes=0, buffer_minutes=0)

    with clock_at(MONDAY_9AM), at_most(5):
        response = client.get(picker_url(make_request()))

    assert response.status_code == 200
    assert offered(response) == []


def test_a_tiny_step_in_the_database_is_stretched_to_five_minutes():
    ClinicSettings.load()
    ClinicSettings.objects.update(slot_minutes=1, buffer_minutes=0)

    with at_most(5):
        starts = slots.offered_starts(
            MONDAY_9AM, slots.rules(), date(2026, 12, 1), date(2026, 12, 1)
        )

    assert len(starts) == 12 * 12  # 10:00 to 22:00, every five minutes
    assert starts[1] - starts[0] == slots.MINIMUM_STEP


def test_years_of_days_ahead_in_the_database_offer_at_most_90_days(client):
    ClinicSettings.load()
    ClinicSettings.objects.update(capacity=0, days_ahead=32767)

    started = time.monotonic()
    with at_most(5):
        *_, last = slots.window(MONDAY_9AM, slots.rules())
        with clock_at(MONDAY_9AM):
            response = client.get(picker_url(make_request()))

    assert (last - MONDAY_9AM.date()).days == 90
    assert response.status_code == 200
    assert time.monotonic() - started < 2


@pytest.mark.parametrize("view", ["admin:booking_day", "admin:booking_week"])
@pytest.mark.parametrize("day", ["9999-12-31", "9999-12-27", "0001-01-01", "0001-01-07"])
def test_the_day_and_week_answer_404_for_dates_off_the_calendar(desk, view, day):
    response = desk.get(f"{reverse(view)}?date={day}")

    assert response.status_code == 404


@pytest.mark.parametrize("view", ["admin:booking_day", "admin:booking_week"])
def test_the_day_and_week_still_open_a_date_years_back(desk, view):
    with clock_at(MONDAY_9AM):
        response = desk.get(f"{reverse(view)}?date=2020-03-02")

    assert response.status_code == 200
