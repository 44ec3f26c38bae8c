"""The visits report: visitors → views → requests → times → confirmed → attended, per landing
page and campaign, English and Arabic apart, with its CSV, for the owner's report's readers."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from booking.models import Booking
from consultations.models import ConsultationRequest
from tests.content_factories import make_clinic_manager
from tests.factories import (
    dubai,
    login_staff,
    make_booking,
    make_front_desk_user,
    make_request,
    make_superuser,
)
from visits.models import LandingDay, LeftOutDay, PageDay, ReferrerDay

pytestmark = pytest.mark.django_db

URL = reverse("admin:frontdesk_visits_report")
DAY = date(2026, 11, 24)
PERIOD = {"from": "2026-11-23", "to": "2026-11-29"}
Status = ConsultationRequest.Status


def make_figures():
    LandingDay.objects.create(
        day=DAY, landing_path="/exosome-therapy/", language="en", utm_source="instagram",
        utm_medium="story", utm_campaign="spring", visitors=40, views=90,
    )  # fmt: skip
    LandingDay.objects.create(day=DAY, landing_path="/", language="en", visitors=10, views=12)
    LandingDay.objects.create(day=DAY, landing_path="/ar/faq/", language="ar", visitors=5, views=6)
    # Outside the period: never counted.
    LandingDay.objects.create(day=date(2026, 11, 30), landing_path="/", language="en", visitors=99)
    PageDay.objects.create(day=DAY, path="/faq/", language="en", views=33)
    ReferrerDay.objects.create(day=DAY, host="www.google.com", visits=7)
    LeftOutDay.objects.create(day=DAY, reason="bot", views=21)
    LeftOutDay.objects.create(day=DAY, reason="staff", views=4)
    campaign = {
        "landing_path": "/exosome-therapy/", "language": "en", "utm_source": "instagram",
        "utm_medium": "story", "utm_campaign": "spring", "created_at": dubai(2026, 11, 24, 10),
    }  # fmt: skip
    attended = make_request(**campaign, status=Status.ATTENDED)
    make_booking(attended, status=Booking.Status.CONFIRMED)
    held = make_request(**campaign, phone="+971501234568")
    make_booking(held, status=Booking.Status.HELD, starts_at=dubai(2026, 12, 1, 11))
    make_request(**campaign, phone="+971501234569")
    make_request(**campaign, phone="+971501234570", status=Status.SPAM)
    make_request(landing_path="/ar/faq/", language="ar", created_at=dubai(2026, 11, 25, 9))


def test_only_the_owners_report_readers_see_it(client):
    login_staff(client, make_front_desk_user())
    desk = client.get(URL)
    login_staff(client, make_clinic_manager())
    manager = client.get(URL)

    assert (desk.status_code, manager.status_code) == (403, 200)


def test_each_step_of_the_funnel_with_its_rate_and_n(client):
    make_figures()
    login_staff(client, make_superuser())

    response = client.get(URL, PERIOD)

    english, arabic = response.context["languages"]
    assert (english["code"], arabic["code"]) == ("en", "ar")
    landing = {row["key"]: row["cells"] for row in english["landing"]}
    assert [count for count, _rate in landing[("/exosome-therapy/",)]] == [40, 90, 3, 2, 1, 1]
    assert landing[("/exosome-therapy/",)][2][1] == (8, 3, 40)  # requests per visitor
    assert landing[("/exosome-therapy/",)][4][1] == (50, 1, 2)  # confirmed of times chosen
    assert [count for count, _rate in landing[("/",)]] == [10, 12, 0, 0, 0, 0]
    campaigns = {row["key"]: row["cells"] for row in english["campaigns"]}
    assert [c for c, _r in campaigns[("instagram", "story", "spring")]] == [40, 90, 3, 2, 1, 1]
    assert [c for c, _r in arabic["landing"][0]["cells"]] == [5, 6, 1, 0, 0, 0]
    html = response.content.decode()
    assert "<svg" in html
    assert "<script" not in html.split('id="content-main"')[1]
    assert response.context["bots_left_out"] == 21
    assert response.context["referrers"] == [("www.google.com", 7)]
    assert response.context["pages"] == [("/faq/", "en", 33)]


def test_the_csv_has_the_same_figures_and_no_formula(client):
    make_figures()
    LandingDay.objects.create(day=DAY, landing_path="/", language="en", utm_source="=cmd()")
    login_staff(client, make_superuser())

    response = client.get(URL, {**PERIOD, "format": "csv"})

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][-6:] == ["visitors", "views", "requests", "chosen", "confirmed", "attended"]
    assert ["landing page", "2026-11-23", "2026-11-29", "en", "/exosome-therapy/", "", "", "",
            "40", "90", "3", "2", "1", "1"] in rows  # fmt: skip
    assert ["campaign", "2026-11-23", "2026-11-29", "ar", "", "", "", "",
            "5", "6", "1", "0", "0", "0"] in rows  # fmt: skip
    assert ["left out: bot", "2026-11-23", "2026-11-29", "", "", "", "", "", "", "21"] in rows
    assert any(row[5] == "'=cmd()" for row in rows)


def test_the_arabic_report_is_in_arabic(client):
    make_figures()
    login_staff(client, make_superuser())
    client.post(reverse("staff_access:language"), {"language": "ar", "next": "/admin/"})

    response = client.get(URL, PERIOD)

    html = response.content.decode()
    assert '<html lang="ar" dir="rtl"' in html
    assert "تقرير الزيارات" in html
    assert "الصفحات العربية" in html
    assert '(<bdi dir="ltr">1</bdi> من <bdi dir="ltr">2</bdi>)' in html
