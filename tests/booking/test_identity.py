"""Links name their record by a random public id, never its number: after a restore puts the
numbers back, the next patient gets the same number, and an old link must not open their
consultation (issue 26, item 1). Links made before the change stop working."""

import re

import pytest
from django.core import signing
from django.db import connection
from django.urls import reverse

from booking import ics
from booking.links import decoy_path, visit_path, visit_token
from booking.models import Booking
from consultations.models import ConsultationRequest
from consultations.references import reference_for
from tests.factories import clock_at, dubai, make_booking, make_request, picker_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache", "fresh_rules")]

MONDAY_9AM = dubai(2026, 11, 30, 9, 0)


def numbers_put_back_as_a_restore_would(model, next_number):
    """The table's sequence set back so that its next row gets `next_number`."""
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence(%s, 'id'), %s, false)", [table, next_number]
            )
        else:
            cursor.execute(
                "UPDATE sqlite_sequence SET seq = %s WHERE name = %s", [next_number - 1, table]
            )


@pytest.fixture
def restored():
    """Patient 1's links, then a restore to before patient 1, then patient 2 with the same
    numbers: (patient 1's visit path, cancel path, picker URL, calendar UID; patient 2's
    booking)."""
    first = make_booking(make_request(name="Patient One", phone="+971501111111"))
    old = (
        visit_path(first),
        reverse("booking:cancel", args=[visit_token(first)]),
        picker_url(first.request),
        uid_of(first),
    )
    booking_number, request_number = first.pk, first.request.pk
    first.request.delete()  # the bookings go with it
    numbers_put_back_as_a_restore_would(ConsultationRequest, request_number)
    numbers_put_back_as_a_restore_would(Booking, booking_number)
    second = make_booking(make_request(name="Patient Two", phone="+971502222222"))
    assert (second.pk, second.request.pk) == (booking_number, request_number)
    return (*old, second)


def uid_of(booking):
    calendar = ics.visit_calendar(booking, "https://example.test/", "en")
    return re.search(rb"UID:(\S+)", calendar).group(1)


def test_an_old_visit_link_does_not_open_the_next_patients_consultation(client, restored):
    old_visit, *_ = restored

    with clock_at(MONDAY_9AM):
        response = client.get(old_visit)

    assert response.status_code == 404
    assert "Patient Two" not in response.content.decode()
    assert "This link no longer works" in response.content.decode()


def test_an_old_visit_link_does_not_cancel_the_next_patients_consultation(client, restored):
    _, old_cancel, _, _, second = restored

    with clock_at(MONDAY_9AM):
        response = client.post(old_cancel, {"confirm": "yes"})

    assert response.status_code == 404
    assert Booking.objects.get(pk=second.pk).status == "held"


def test_an_old_reference_does_not_move_the_next_patients_time(client, restored):
    _, _, old_picker, _, second = restored

    with clock_at(MONDAY_9AM):
        shown = client.get(old_picker)
        sent = client.post(
            reverse("booking:pick"),
            {"r": old_picker.split("r=")[1].replace("%3A", ":"), "time": "2026-12-02T15:00"},
        )

    # The picker may still show free times (it reads from memory which requests have a time,
    # not which exist), but never patient 2's visit page, and the choice is refused.
    assert shown.status_code != 302 and "Patient Two" not in shown.content.decode()
    assert sent.status_code == 404
    assert Booking.objects.get(pk=second.pk).starts_at == dubai(2026, 12, 1, 10, 30)


def test_the_next_patients_calendar_event_is_not_the_old_one(restored):
    _, _, _, old_uid, second = restored

    assert uid_of(second) != old_uid
    assert uid_of(second) == f"consultation-{second.public_id}@ecla-clinic".encode()


def test_links_reveal_no_counts_of_requests_or_bookings():
    booking = make_booking()

    named = visit_token(booking).split(":")[0]
    referenced = signing.loads(reference_for(booking.request), salt="consultations.request-link")

    assert named == booking.public_id.hex and referenced == booking.request.public_id.hex
    assert named != str(booking.pk) and referenced != booking.request.pk


def test_links_made_before_the_public_ids_stop_working(client):
    booking = make_booking()
    old_visit = signing.Signer(salt="booking.visit").sign(str(booking.pk))
    old_reference = signing.dumps(booking.request.pk, salt="consultations.request-reference")

    with clock_at(MONDAY_9AM):
        visit = client.get(reverse("booking:visit", args=[old_visit]))
        picker = client.get(reverse("booking:pick") + f"?r={old_reference}")

    assert visit.status_code == 404 and picker.status_code == 404


def test_a_spam_requests_shown_time_reads_like_any_visit_link(client):
    booking = make_booking()
    start = dubai(2026, 12, 1, 10, 30)

    real = visit_path(booking).rstrip("/").rsplit("/", 1)[1]
    decoy = decoy_path(start).rstrip("/").rsplit("/", 1)[1]
    minute = str(int(start.timestamp()) // 60)

    shape = re.compile(r"[0-9a-f]{32}:[A-Za-z0-9_-]+")
    assert shape.fullmatch(real) and shape.fullmatch(decoy) and len(real) == len(decoy)
    assert decoy[12] == "4" and decoy[16] in "89ab"  # a UUID4's version and variant, as real's
    assert minute not in decoy
    assert decoy_path(start) != decoy_path(start)  # nothing the same time's links share
    with clock_at(MONDAY_9AM):
        page = client.get(decoy_path(start))
    assert page.status_code == 200 and "Tue 1 Dec" in page.content.decode()


def test_an_old_reference_after_a_restore_opens_no_picker_at_all(client, restored):
    _visit, _cancel, old_picker, _uid, _second = restored

    response = client.get(old_picker)

    assert response.status_code == 404
    assert "no longer works" in response.content.decode()
