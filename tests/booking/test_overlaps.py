"""No two active times overlap on a seat, on SQLite as on PostgreSQL (whose exclusion constraint
refused them already), after the consultation's length changed (issue 26, item 9): the same
rule on both, checked in the transaction that takes or moves."""

import pytest

from booking import taking
from booking.models import Booking, ClinicSettings
from booking.slots import forget_rules
from tests.factories import choose_time, clock_at, dubai, make_booking, make_request

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache", "fresh_rules")]

TUESDAY_1030 = dubai(2026, 12, 1, 10, 30)


def starts_of(booking):
    return Booking.objects.get(pk=booking.pk).starts_at


def longer_consultations(minutes=45, capacity=1):
    ClinicSettings.objects.update_or_create(
        pk=1, defaults={"slot_minutes": minutes, "capacity": capacity}
    )
    forget_rules()


def test_a_time_overlapping_a_booking_is_refused_after_the_length_changed(client):
    make_booking(starts_at=TUESDAY_1030)  # 10:30-11:00, taken when consultations were 30 min
    longer_consultations(45)  # 10:00, 10:45, 11:30…: 10:45 overlaps it
    other = make_request(phone="+971509999999")

    with clock_at(dubai(2026, 11, 30, 9, 0)):
        response = choose_time(client, other, "2026-12-01T10:45")

    assert response.status_code == 409
    assert not Booking.objects.filter(request=other).exists()


def test_moving_into_an_overlap_is_refused():
    make_booking(starts_at=TUESDAY_1030)
    moving = make_booking(starts_at=dubai(2026, 12, 2, 15, 0))
    longer_consultations(45)

    with clock_at(dubai(2026, 11, 30, 9, 0)), pytest.raises(taking.TimeTaken):
        taking.move(moving, dubai(2026, 12, 1, 10, 45))

    assert starts_of(moving) == dubai(2026, 12, 2, 15, 0)


def test_an_overlap_takes_the_next_seat_when_there_is_one():
    make_booking(starts_at=TUESDAY_1030)
    longer_consultations(45, capacity=2)

    with clock_at(dubai(2026, 11, 30, 9, 0)):
        made = taking.take(make_request(phone="+971509999999"), dubai(2026, 12, 1, 10, 45))

    assert made.seat == 1
