"""Only a future held or confirmed time can be changed: the 14-day reference, the visit link and
the front desk can't move a consultation that has begun or ended, which would bring its dead
link back (issue 26, item 8)."""

import pytest
from django.urls import reverse

from booking import taking
from booking.links import visit_path, visit_token
from booking.models import Booking
from consultations.models import ConsultationRequest
from tests.factories import (
    choose_time,
    clock_at,
    dubai,
    login_staff,
    make_booking,
    make_front_desk_user,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache", "fresh_rules")]

TUESDAY_1030 = dubai(2026, 12, 1, 10, 30)
WEDNESDAY_9AM = dubai(2026, 12, 2, 9, 0)


def starts_of(booking):
    return Booking.objects.get(pk=booking.pk).starts_at


@pytest.mark.parametrize("outcome", ["new", "attended"])
def test_the_reference_cannot_move_a_consultation_that_is_over(client, outcome):
    booking = make_booking(starts_at=TUESDAY_1030, status="confirmed")
    ConsultationRequest.objects.filter(pk=booking.request.pk).update(status=outcome)

    with clock_at(WEDNESDAY_9AM):
        sent = choose_time(client, booking.request, "2026-12-03T15:00")
        visit = client.get(visit_path(booking))

    assert sent.status_code == 404
    assert "This link no longer works" in sent.content.decode()
    assert starts_of(booking) == TUESDAY_1030
    assert visit.status_code == 404  # its link stays dead


def test_a_begun_consultation_cannot_be_changed_on_its_visit_link(client):
    booking = make_booking(starts_at=TUESDAY_1030, status="confirmed")
    token = visit_token(booking)

    with clock_at(dubai(2026, 12, 1, 10, 40)):
        shown = client.get(reverse("booking:pick") + f"?v={token}")
        sent = client.post(reverse("booking:pick"), {"v": token, "time": "2026-12-02T15:00"})

    assert shown.status_code == 404 and sent.status_code == 404
    assert starts_of(booking) == TUESDAY_1030


def test_moving_a_past_time_is_refused_in_the_transaction():
    booking = make_booking(starts_at=TUESDAY_1030, status="confirmed")

    with clock_at(WEDNESDAY_9AM), pytest.raises(taking.TimeOver):
        taking.move(booking, dubai(2026, 12, 3, 15, 0), by_clinic=True)

    assert starts_of(booking) == TUESDAY_1030


def test_the_front_desk_cannot_move_a_past_time_and_is_told_why(client):
    login_staff(client, make_front_desk_user())
    booking = make_booking(starts_at=TUESDAY_1030, status="confirmed")
    move = reverse("admin:booking_move", args=[booking.pk])

    with clock_at(WEDNESDAY_9AM):
        sent = client.post(move, {"time": "2026-12-03T15:00"}, follow=True)
        opened = client.get(move, follow=True)

    assert starts_of(booking) == TUESDAY_1030
    for response in (sent, opened):
        assert "This consultation’s time has begun or passed: it can’t be moved." in (
            response.content.decode()
        )
