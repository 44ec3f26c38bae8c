"""One source of opening hours: the dated hours the picker honours (a closed day, a Ramadan
plan) are also the footer's and the Where block's, the structured data's special hours and the
front desk's clocks in clinic hours. A change reaches the page cache within seconds, and a cached
page still costs no query."""

import re
import time as clock
from datetime import date, time
from html import unescape
from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext

from ground import dated_hours
from ground.hours import clinic_minutes_between
from ground.models import DatedHours, DayHours
from tests.factories import clock_at, dubai
from tests.html import parse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_rules")]

# Monday 7 December 2026; Wednesday the 9th is closed for National Day.
MONDAY_9AM = dubai(2026, 12, 7, 9, 0)


def national_day(starts_on=date(2026, 12, 9), ends_on=date(2026, 12, 9)):
    return DatedHours.objects.create(
        name="National Day", starts_on=starts_on, ends_on=ends_on, closed=True
    )


def ramadan(starts_on=date(2026, 12, 7), ends_on=date(2026, 12, 31)):
    plan = DatedHours.objects.create(name="Ramadan", starts_on=starts_on, ends_on=ends_on)
    for weekday in range(6):
        DayHours.objects.create(plan=plan, weekday=weekday, opens=time(10), closes=time(16))
    return plan


def clinic_data(client, url="/"):
    with clock_at(MONDAY_9AM):
        page = parse(client.get(url))
    (clinic,) = [data for data in page.json_ld if data["@type"] == "MedicalClinic"]
    return clinic


def page_text(client, url="/"):
    """The page's text as read, tags taken out (the plan's name sits in its own <bdi>)."""
    with clock_at(MONDAY_9AM):
        html = client.get(url).content.decode()
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


# The front desk's clocks


def test_a_closed_day_does_not_count_as_clinic_minutes():
    national_day()

    # Tuesday 21:00 to Thursday 10:10: an hour on Tuesday, ten minutes on Thursday.
    assert clinic_minutes_between(dubai(2026, 12, 8, 21, 0), dubai(2026, 12, 10, 10, 10)) == 70


def test_a_dated_plan_s_hours_are_the_clocks_hours():
    ramadan()

    # Monday 15:00 to Tuesday 11:00 in Ramadan (10:00 to 16:00): one hour each day.
    assert clinic_minutes_between(dubai(2026, 12, 7, 15, 0), dubai(2026, 12, 8, 11, 0)) == 120


def test_the_clocks_read_the_weekly_hours_when_no_plan_covers_the_days():
    national_day()

    assert clinic_minutes_between(dubai(2026, 11, 30, 21, 0), dubai(2026, 12, 1, 10, 10)) == 70


# The footer and the Where block


def test_the_footer_names_a_closed_day_of_this_week(client):
    national_day()

    text = page_text(client)

    assert "Closed Wed 9 Dec: National Day" in text


def test_the_contact_page_s_where_block_names_it_too(client):
    national_day()

    assert page_text(client, "/contact/").count("Closed Wed 9 Dec: National Day") == 2


def test_a_closed_day_weeks_away_is_not_in_the_footer_yet(client):
    national_day(date(2027, 1, 6), date(2027, 1, 6))

    assert "National Day" not in page_text(client)


def test_several_closed_days_read_from_and_to(client):
    national_day(date(2026, 12, 9), date(2026, 12, 10))

    assert "Closed from Wed 9 Dec to Thu 10 Dec: National Day" in page_text(client)


def test_a_dated_plan_of_this_week_gives_its_hours(client):
    ramadan()

    text = page_text(client)

    assert "From Mon 7 Dec to Sat 12 Dec: 10:00 – 16:00 (Ramadan)" in text


def test_the_footer_reads_the_changed_hours_in_arabic(client):
    national_day()

    text = page_text(client, "/ar/")

    assert "مغلق يوم الأربعاء 9 ديسمبر: National Day" in text


# The structured data


def test_the_structured_data_gives_a_closed_day_as_special_hours(client):
    national_day()

    special = clinic_data(client)["specialOpeningHoursSpecification"]

    assert special == [
        {
            "@type": "OpeningHoursSpecification",
            "validFrom": "2026-12-09",
            "validThrough": "2026-12-09",
            "opens": "00:00",
            "closes": "00:00",
        }
    ]


def test_the_structured_data_gives_a_dated_plan_s_hours(client):
    ramadan(ends_on=date(2026, 12, 14))

    special = clinic_data(client)["specialOpeningHoursSpecification"]

    assert special == [
        {
            "@type": "OpeningHoursSpecification",
            "validFrom": "2026-12-07",
            "validThrough": "2026-12-12",
            "opens": "10:00",
            "closes": "16:00",
        },
        {
            "@type": "OpeningHoursSpecification",
            "validFrom": "2026-12-14",
            "validThrough": "2026-12-14",
            "opens": "10:00",
            "closes": "16:00",
        },
    ]


def test_without_dated_hours_the_structured_data_has_only_the_weekly_hours(client):
    clinic = clinic_data(client)

    assert "specialOpeningHoursSpecification" not in clinic
    assert clinic["openingHoursSpecification"][0]["opens"] == "10:00"


# The page cache


def test_a_cached_page_shows_a_closed_day_saved_after_it_was_cached(client):
    assert "National Day" not in page_text(client)

    national_day()

    assert "Closed Wed 9 Dec: National Day" in page_text(client)


def test_another_process_sees_the_change_within_the_rules_seconds(client):
    page_text(client)
    # As another process would: saved without this process's signals.
    DatedHours.objects.bulk_create(
        [
            DatedHours(
                name="Eid", starts_on=date(2026, 12, 9), ends_on=date(2026, 12, 9), closed=True
            )
        ]
    )
    assert "Eid" not in page_text(client)

    later = clock.monotonic() + dated_hours.KEPT_SECONDS + 1
    with mock.patch("ground.kept.time.monotonic", return_value=later):
        assert "Closed Wed 9 Dec: Eid" in page_text(client)


def test_a_cached_page_costs_no_query(client):
    national_day()
    page_text(client)

    with CaptureQueriesContext(connection) as queries:
        text = page_text(client)

    assert "National Day" in text
    assert len(queries) == 0


def test_a_page_still_shows_the_weekly_hours_when_the_dated_hours_cannot_be_read(client):
    unreadable = OperationalError("the database is away")

    with mock.patch.object(dated_hours.plans, "read", side_effect=unreadable):
        text = page_text(client)

    assert "Monday – Saturday: 10:00 – 22:00" in text
