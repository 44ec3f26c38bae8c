"""The owner's "Requests report": who may see it, its weekly figures, links and CSV."""

import csv
import io

import pytest
from django.urls import reverse

from consultations.models import ConsultationRequest, ContactEntry
from frontdesk import report
from tests.content_factories import make_clinic_manager
from tests.factories import (
    clock_at,
    dubai,
    login_staff,
    make_contact,
    make_front_desk_user,
    make_request,
    make_superuser,
)

pytestmark = pytest.mark.django_db

REPORT_URL = reverse("admin:frontdesk_requests_report")
Outcome = ContactEntry.Outcome
Status = ConsultationRequest.Status
NOW = dubai(2026, 11, 25, 12)


def test_the_clinic_manager_and_a_superuser_see_the_report_the_front_desk_does_not(client):
    login_staff(client, make_clinic_manager())
    manager = client.get(REPORT_URL)
    login_staff(client, make_superuser())
    owner = client.get(REPORT_URL)
    login_staff(client, make_front_desk_user())
    desk = client.get(REPORT_URL)

    assert (manager.status_code, owner.status_code, desk.status_code) == (200, 200, 403)


def test_the_clinic_manager_can_read_requests_but_not_change_or_log_them(client):
    consultation = make_request()
    login_staff(client, make_clinic_manager())

    listed = client.get(reverse("admin:consultations_consultationrequest_changelist"))
    logged = client.post(
        reverse("admin:frontdesk_log_contact", args=[consultation.pk]), {"outcome": "booked"}
    )

    assert listed.status_code == 200
    assert logged.status_code == 403


def test_booked_and_attended_shares_count_patients_per_campaign_without_spam():
    desk = make_front_desk_user()
    monday = dubai(2026, 11, 23, 11)
    came = make_request(utm_source="google", created_at=monday)
    promised = make_request(utm_source="google", phone="+971502222222", created_at=monday)
    make_request(utm_source="google", phone="+971503333333", created_at=monday)
    make_request(utm_source="google", phone="+971504444444", status=Status.SPAM, created_at=monday)
    make_contact(came, desk, Outcome.BOOKED, dubai(2026, 11, 23, 12))
    make_contact(came, desk, Outcome.ATTENDED, dubai(2026, 11, 24, 12))
    make_contact(promised, desk, Outcome.BOOKED, dubai(2026, 11, 23, 12))

    with clock_at(NOW):
        start, end = report.period()
    shares = report.shares(start, end, "utm_source")

    assert shares == [("google", 4, 3, 2, 1)]


def test_median_clocks_leave_out_spam_and_a_repeat_within_the_hour():
    desk = make_front_desk_user()
    first = make_request(created_at=dubai(2026, 11, 23, 10))
    repeat = make_request(
        created_at=dubai(2026, 11, 23, 10, 30), duplicate_of=first, repeat_within_hour=True
    )
    spam = make_request(phone="+971505555555", created_at=dubai(2026, 11, 23, 10), status="spam")
    make_contact(first, desk, Outcome.BOOKED, dubai(2026, 11, 23, 10, 20))
    make_contact(repeat, desk, Outcome.BOOKED, dubai(2026, 11, 23, 21))
    ConsultationRequest.objects.filter(pk=spam.pk).update(minutes_to_first_attempt=500)

    with clock_at(NOW):
        start, end = report.period()
    medians = report.medians(start, end)

    assert medians[dubai(2026, 11, 23).date()] == [20, 20]


def test_the_report_shows_each_week_with_bars_linking_to_the_requests_they_count(client):
    make_request(utm_source="instagram", created_at=dubai(2026, 11, 23, 11))
    login_staff(client, make_superuser())

    with clock_at(NOW):
        page = client.get(REPORT_URL).text

    assert "<svg" in page and "<script" not in page.split("<svg", 1)[1].split("</svg>")[0]
    assert "style=" not in page.split('id="content-main"', 1)[1]
    assert "utm_source=instagram" in page
    assert "created_at__gte=2026-11-23&amp;created_at__lt=2026-11-30" in page


def test_the_report_downloads_as_csv(client):
    make_request(utm_source="instagram", created_at=dubai(2026, 11, 23, 11))
    login_staff(client, make_superuser())

    with clock_at(NOW):
        response = client.get(REPORT_URL, {"format": "csv"})

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert ["campaign", "2026-09-07", "instagram", "1"] in rows


def test_the_report_csv_never_hands_a_spreadsheet_a_formula(client):
    hostile = '=HYPERLINK("http://evil.example/?x","Click me")'
    for source in (hostile, "+971 formula", "-1+1", "@SUM(A1)", "\tTAB"):
        make_request(utm_source=source, created_at=dubai(2026, 11, 23, 11))
    make_request(utm_source=hostile, status=Status.SPAM, created_at=dubai(2026, 11, 24, 11))
    login_staff(client, make_superuser())

    with clock_at(NOW):
        response = client.get(REPORT_URL, {"format": "csv"})

    cells = [cell for row in csv.reader(io.StringIO(response.content.decode())) for cell in row]
    assert f"'{hostile}" in cells
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t"))]
