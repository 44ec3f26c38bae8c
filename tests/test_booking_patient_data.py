"""Consultation times are patients' data: in the CSV export, in a patient's copy, deleted with
their request by an erasure and by purge_consultations, and blanked in the access trail."""

import csv
import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from audit.models import AccessEvent
from booking.models import Booking
from booking.slots import forget_rules
from consultations import patient_data
from consultations.models import ConsultationRequest
from frontdesk import patient_copy
from frontdesk.export import stream_csv
from tests.factories import (
    clock_at,
    dubai,
    login_staff,
    make_booking,
    make_front_desk_user,
    make_request,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]


def test_the_csv_export_has_each_requests_consultation_times():
    make_booking(starts_at=dubai(2026, 12, 1, 10, 30))

    with translation.override("en"):  # the staff member's language, whatever a test before left
        text = "".join(stream_csv(ConsultationRequest.objects.all()))

    (row,) = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    assert row["Consultation times"] == "2026-12-01 10:30 (Held, to confirm)"


def test_a_patients_copy_holds_their_consultation_times():
    make_booking(make_request(), starts_at=dubai(2026, 12, 1, 10, 30))

    copy = patient_copy.export("+971501234567", username="owner")

    (time,) = copy["consultation_times"]
    assert time["starts_at"] == "2026-12-01T06:30:00+00:00"
    assert time["status"] == "held"


def test_erasing_a_patient_deletes_their_times_and_blanks_the_trail(client):
    forget_rules()
    booking = make_booking(make_request(), starts_at=dubai(2026, 12, 1, 10, 30))
    login_staff(client, make_front_desk_user())
    with clock_at(dubai(2026, 11, 30, 9)):
        client.post(reverse("admin:booking_act", args=[booking.pk]), {"action": "confirm"})

    patient_data.erase("+971501234567", username="owner")

    assert not Booking.objects.exists()
    event = AccessEvent.objects.get(action="changed")
    assert event.detail["changes"]["consultation_time"] == {"old": "[erased]", "new": "[erased]"}


def test_purge_consultations_deletes_old_requests_with_their_times(settings):
    settings.CONSULTATION_RETENTION_DAYS = 30
    old = make_booking(starts_at=dubai(2026, 1, 1, 10, 30))
    ConsultationRequest.objects.filter(pk=old.request_id).update(
        created_at=timezone.now() - timedelta(days=31)
    )

    call_command("purge_consultations", stdout=io.StringIO())

    assert not Booking.objects.exists()
