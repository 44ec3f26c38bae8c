"""Finding U11 of the second Arabic read: the contact history's notes about consultation times
are read in the reader's language (consultations/notes.py), kept in English as exports carry them,
and notes written before stay as they were written."""

import re

import pytest
from django.urls import reverse

from booking import history
from consultations.models import ContactEntry
from tests.factories import (
    dubai,
    login_staff,
    make_booking,
    make_front_desk_user,
    make_request,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache", "fresh_rules")]


def test_u11_the_contact_history_reads_in_the_arabic_admin(arabic_desk):
    user = make_front_desk_user(username="desk2")
    consultation = make_request(name="مريم الحربي", language="ar")
    first = make_booking(consultation, starts_at=dubai(2027, 4, 5, 10, 30))
    history.chosen(first)
    history.confirmed(first, user)
    first.starts_at = dubai(2027, 4, 6, 15, 0)
    history.moved(first, dubai(2027, 4, 5, 10, 30), user)
    history.declined(first, user)
    history.cancelled_by_patient(first)

    html = arabic_desk.get(
        reverse("admin:consultations_consultationrequest_change", args=[consultation.pk])
    ).content.decode()

    cells = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "اختار المريض عبر الموقع موعد الاثنين 5 أبريل، الساعة 10:30 (محجوز مبدئيًا)" in cells
    assert "تم تأكيد الموعد: الاثنين 5 أبريل، الساعة 10:30" in cells
    assert "نُقل الموعد من الاثنين 5 أبريل، الساعة 10:30 إلى الثلاثاء 6 أبريل، الساعة 15:00" in cells
    assert "تم رفض الموعد: الثلاثاء 6 أبريل، الساعة 15:00" in cells
    assert "ألغى المريض موعد الثلاثاء 6 أبريل، الساعة 15:00 عبر الموقع" in cells
    assert "Chose " not in cells and "Time " not in cells and "The patient" not in cells


def test_u11_the_history_keeps_the_english_note_and_reads_it_in_english(client):
    login_staff(client, make_front_desk_user())
    booking = make_booking(make_request(), starts_at=dubai(2027, 4, 5, 10, 30))
    history.chosen(booking)

    html = client.get(
        reverse("admin:consultations_consultationrequest_change", args=[booking.request_id])
    ).content.decode()

    # The stored note (exports, the patient's copy of their data) is the English sentence.
    assert ContactEntry.objects.get().note == "Chose Mon 5 Apr, 10:30 on the website (held)"
    assert "Chose Mon 5 Apr, 10:30 on the website (held)" in html


def test_u11_a_note_written_before_stays_as_it_was_written(arabic_desk):
    consultation = make_request()
    ContactEntry.objects.create(
        request=consultation,
        channel="website",
        outcome="appointment",
        status_before="new",
        status_after="new",
        note="Chose Tue 1 Dec, 10:30 on the website (held)",
    )

    html = arabic_desk.get(
        reverse("admin:consultations_consultationrequest_change", args=[consultation.pk])
    ).content.decode()

    assert "Chose Tue 1 Dec, 10:30 on the website (held)" in html
