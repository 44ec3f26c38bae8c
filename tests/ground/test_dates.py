"""Dates as the UAE writes them, day first, in the admin's lists, the report and the front desk's
pages, in English and Arabic (Django's English wrote 11/30/2026)."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from tests.factories import dubai, login_staff, make_front_desk_user, make_request

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_short_date_is_day_first_in_both_languages(language):
    with translation.override(language):
        shown = date_format(date(2026, 11, 30), "SHORT_DATE_FORMAT")

    assert shown == "30/11/2026"


def test_the_requests_list_shows_the_day_before_the_month(client):
    make_request(created_at=dubai(2026, 11, 30, 10, 5))
    login_staff(client, make_front_desk_user())

    html = client.get(
        reverse("admin:consultations_consultationrequest_changelist") + "?work=all"
    ).content.decode()

    assert "30 Nov 2026, 10:05" in html
    assert "Nov. 30, 2026" not in html


def test_the_arabic_admin_writes_the_month_in_arabic_day_first(client):
    make_request(created_at=dubai(2026, 11, 30, 10, 5))
    login_staff(client, make_front_desk_user())
    client.post(reverse("staff_access:language"), {"language": "ar", "next": "/admin/"})

    html = client.get(
        reverse("admin:consultations_consultationrequest_changelist") + "?work=all"
    ).content.decode()

    assert "30 نوفمبر 2026، 10:05" in html
