"""The patient's own link after choosing a time: the visit page until the appointment is over,
changing or cancelling on it, the clinic's decline said there; a forged or expired link gets a
clear page with the clinic's phone."""

import pytest
from django.urls import reverse

from booking.models import Booking
from tests.factories import (
    clock_at,
    dubai,
    make_booking,
    make_request,
    picker_url,
)
from tests.html import parse
from tests.picker import offered

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache", "fresh_rules")]

MONDAY_9AM = dubai(2026, 11, 30, 9, 0)


@pytest.mark.parametrize("reference", ["nonsense", "MQ:1xXzos:forged", ""])
def test_a_forged_link_gets_a_clear_page_with_the_clinics_phone(client, settings, reference):
    settings.CLINIC = {**settings.CLINIC, "phone": "+971 4 123 4567"}

    response = client.get(reverse("booking:pick") + f"?r={reference}")

    page = parse(response)
    assert response.status_code == 404
    assert page.h1_count == 1 and "This link no longer works" in page.text
    assert "+971 4 123 4567" in page.text


def test_the_visit_link_works_until_the_appointment_is_over(client):
    booking = make_booking(starts_at=dubai(2026, 12, 1, 10, 30))
    from booking.links import visit_path

    with clock_at(dubai(2026, 12, 1, 10, 59)):
        during = client.get(visit_path(booking))
    with clock_at(dubai(2026, 12, 1, 11, 0)):
        after = client.get(visit_path(booking))

    assert during.status_code == 200
    assert after.status_code == 404
    assert "This link no longer works" in parse(after).text


def test_a_visit_link_naming_another_public_id_is_refused(client):
    booking = make_booking()
    other = make_booking(starts_at=dubai(2026, 12, 1, 11, 0))
    from booking.links import visit_path

    forged = visit_path(booking).replace(booking.public_id.hex, other.public_id.hex)

    with clock_at(MONDAY_9AM):
        assert client.get(forged).status_code == 404


def test_the_patient_cancels_and_the_time_is_offered_again(client):
    booking = make_booking(starts_at=dubai(2026, 12, 1, 10, 30))
    from booking.links import visit_path, visit_token

    with clock_at(MONDAY_9AM):
        cancel = reverse("booking:cancel", args=[visit_token(booking)])
        client.post(cancel, {"confirm": "yes"})  # after the confirm page
        page = parse(client.get(visit_path(booking)))
        times = offered(client.get(picker_url(make_request(phone="+971509999999"))))

    assert Booking.objects.get().status == "cancelled"
    assert "Your consultation is cancelled" in page.text
    assert "2026-12-01T10:30" in times


def test_the_patient_changes_the_time_on_the_same_link(client):
    booking = make_booking(starts_at=dubai(2026, 12, 1, 10, 30))
    from booking.links import visit_path, visit_token

    with clock_at(MONDAY_9AM):
        moved = client.post(
            reverse("booking:pick"), {"v": visit_token(booking), "time": "2026-12-02T12:00"}
        )
        page = parse(client.get(visit_path(booking)))

    assert moved["Location"] == visit_path(booking)
    assert Booking.objects.get().starts_at == dubai(2026, 12, 2, 12, 0)
    assert "Wed 2 Dec, 12:00" in page.text


def test_a_time_declined_by_the_clinic_says_so_on_the_patients_link(client):
    booking = make_booking(starts_at=dubai(2026, 12, 1, 10, 30), status="declined")
    from booking.links import visit_path

    with clock_at(MONDAY_9AM):
        page = parse(client.get(visit_path(booking)))

    assert "We could not keep this time" in page.text
    assert "the clinic could not keep Tue 1 Dec, 10:30" in page.text
    assert "Choose another time" in page.text


def test_the_visit_page_in_arabic_writes_the_time_the_uae_way(client):
    booking = make_booking(make_request(language="ar"), starts_at=dubai(2026, 12, 1, 10, 30))
    from booking.links import visit_path

    with clock_at(MONDAY_9AM):
        page = parse(client.get(visit_path(booking)))

    assert "الثلاثاء 1 ديسمبر، الساعة 10:30" in page.text
