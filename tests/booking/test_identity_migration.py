"""The migrations give every existing request and booking a public id of its own (issue 26,
item 1): the links made after them name these, and two rows never share one."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("consultations", "0010_staff_email_outbox"), ("booking", "0006_calendar_sequence")]
AFTER = [("consultations", "0011_request_public_id"), ("booking", "0007_booking_public_id")]


@pytest.mark.django_db(transaction=True)
def test_existing_requests_and_bookings_each_get_a_public_id_of_their_own():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    request_model = old.get_model("consultations", "ConsultationRequest")
    booking_model = old.get_model("booking", "Booking")
    now = timezone.now()
    for n in range(3):
        made = request_model.objects.create(
            name=f"Patient {n}", phone=f"+97150000000{n}", whatsapp=f"+97150000000{n}",
            consent_given_at=now, fingerprint="x" * 64,
        )  # fmt: skip
        booking_model.objects.create(
            request=made, starts_at=now, ends_at=now + timezone.timedelta(minutes=30),
            status="confirmed", seat=n,
        )  # fmt: skip

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    requests = new.get_model("consultations", "ConsultationRequest").objects
    bookings = new.get_model("booking", "Booking").objects

    request_ids = set(requests.values_list("public_id", flat=True))
    booking_ids = set(bookings.values_list("public_id", flat=True))
    assert len(request_ids) == 3 and None not in request_ids
    assert len(booking_ids) == 3 and None not in booking_ids

    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
