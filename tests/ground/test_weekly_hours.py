"""The weekly hours are the clinic manager's in the admin, as the dated hours are: a change there
changes the footer and every Where block in both languages, the thanks page, the structured data,
the picker's times and a page in the page cache; dated hours still win on their dates; and with
no weekly hours recorded at all, hours.py's constants (Monday to Saturday, 10:00 to 22:00)
stand."""

import re
import time as clock
from datetime import date, time
from html import unescape
from unittest import mock

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils import translation

from ground import dated_hours, hours
from ground.models import DatedHours, DayHours, WeeklyHours
from tests.factories import (
    clock_at,
    dubai,
    login_staff,
    make_front_desk_user,
    make_request,
    picker_url,
)
from tests.html import parse
from tests.picker import offered

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("empty_cache", "fresh_rules"),
]

MONDAY_9AM = dubai(2026, 11, 30, 9, 0)
TODAY = "Monday – Saturday: 10:00 – 22:00"
TODAY_AR = "من الاثنين إلى السبت، من 10:00 إلى 22:00"


def manager():
    user = User.objects.create_user("manager", password="manager-pass-123", is_staff=True)
    user.groups.add(Group.objects.get(name="Clinic manager"))
    return user


def change(client, weekday, opens, closes):
    """The clinic manager changes a weekday's hours in the admin, as the form sends them."""
    row = WeeklyHours.objects.get(weekday=weekday)
    url = reverse("admin:ground_weeklyhours_change", args=[row.pk])
    return client.post(url, {"weekday": weekday, "opens": opens, "closes": closes})


def add(client, weekday, opens, closes):
    url = reverse("admin:ground_weeklyhours_add")
    return client.post(url, {"weekday": weekday, "opens": opens, "closes": closes})


def hours_line(client, url="/"):
    """The footer's weekly hours, as read (the first .clinic-hours: the footer's on most pages)."""
    with clock_at(MONDAY_9AM):
        html = client.get(url).content.decode()
    found = re.search(r'<p class="clinic-hours">.*?</span>(.*?)</p>', html, re.S)
    return unescape(found.group(1)).strip()


def weekly(*spans):
    return tuple((day, time(*opens), time(*closes)) for day, opens, closes in spans)


# As migrated


def test_the_migration_recorded_today_s_hours_and_the_clinic_manager_may_edit_them():
    user = manager()

    assert list(WeeklyHours.objects.values_list("weekday", "opens", "closes")) == [
        (day, time(10), time(22)) for day in range(6)
    ]
    assert all(
        user.has_perm(f"ground.{action}_weeklyhours")
        for action in ("view", "add", "change", "delete")
    )


def test_today_s_hours_are_worded_as_before_in_both_languages(client):
    assert hours_line(client) == TODAY
    assert hours_line(client, "/ar/") == TODAY_AR


# The admin


def test_someone_without_the_permission_is_refused_the_weekly_hours(client):
    login_staff(client, make_front_desk_user())
    row = WeeklyHours.objects.get(weekday=0)

    listed = client.get(reverse("admin:ground_weeklyhours_changelist"))
    changed = change(client, 0, "12:00", "18:00")

    assert listed.status_code == 403
    assert changed.status_code == 403
    assert WeeklyHours.objects.get(pk=row.pk).opens == time(10)


def test_the_clinic_manager_s_change_is_the_footer_s_in_both_languages(client):
    login_staff(client, manager())

    saved = change(client, 5, "11:00", "20:00")

    assert saved.status_code == 302
    assert hours_line(client) == "Monday – Friday: 10:00 – 22:00; Saturday: 11:00 – 20:00"
    assert hours_line(client, "/ar/") == (
        "من الاثنين إلى الجمعة، من 10:00 إلى 22:00؛ السبت، من 11:00 إلى 20:00"
    )
    assert "Saturday: 11:00 – 20:00" in hours_line(client, "/contact/")


def test_the_thanks_page_says_the_changed_hours(client):
    login_staff(client, manager())
    add(client, 6, "12:00", "18:00")

    with clock_at(MONDAY_9AM):
        page = client.get(reverse("consultations:thanks")).content.decode()

    assert "We are open Monday – Saturday: 10:00 – 22:00; Sunday: 12:00 – 18:00." in page


def test_the_picker_offers_the_changed_hours(client):
    login_staff(client, manager())
    change(client, 0, "12:00", "18:00")

    with clock_at(MONDAY_9AM):
        times = offered(client.get(picker_url(make_request())))

    monday = [t for t in times if t.startswith("2026-11-30")]
    assert monday[0] == "2026-11-30T12:00"
    assert monday[-1] == "2026-11-30T17:30"
    assert "2026-12-01T10:00" in times  # Tuesday keeps its hours


def test_the_structured_data_gives_each_group_of_days(client):
    login_staff(client, manager())
    change(client, 4, "14:00", "22:00")
    WeeklyHours.objects.filter(weekday=5).delete()

    with clock_at(MONDAY_9AM):
        page = parse(client.get("/"))
    (clinic,) = [data for data in page.json_ld if data["@type"] == "MedicalClinic"]

    assert clinic["openingHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": ["Monday", "Tuesday", "Wednesday", "Thursday"],
            "opens": "10:00",
            "closes": "22:00",
        },
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": ["Friday"],
            "opens": "14:00",
            "closes": "22:00",
        },
    ]


def test_closes_before_it_opens_and_an_overlapping_span_are_refused(client):
    login_staff(client, manager())

    backwards = add(client, 6, "18:00", "12:00").content.decode()
    overlapping = add(client, 0, "21:00", "23:00").content.decode()

    assert "The clinic closes after it opens." in backwards
    assert "Monday 10:00–22:00 overlaps this span: change that one instead." in overlapping
    assert not WeeklyHours.objects.filter(weekday=6).exists()
    assert WeeklyHours.objects.filter(weekday=0).count() == 1


def test_a_second_span_splits_a_day(client):
    login_staff(client, manager())
    change(client, 0, "10:00", "14:00")

    add(client, 0, "16:00", "22:00")

    assert hours_line(client).startswith("Monday: 10:00 – 14:00 · 16:00 – 22:00; Tuesday –")


def test_the_times_read_left_to_right_on_an_arabic_admin(client):
    login_staff(client, manager())
    client.post(reverse("staff_access:language"), {"language": "ar", "next": "/admin/"})
    row = WeeklyHours.objects.get(weekday=0)

    listed = client.get(reverse("admin:ground_weeklyhours_changelist")).content.decode()
    form = client.get(reverse("admin:ground_weeklyhours_change", args=[row.pk])).content.decode()

    assert '<html lang="ar" dir="rtl"' in listed
    assert '<bdi dir="ltr">10:00</bdi>' in listed and '<bdi dir="ltr">22:00</bdi>' in listed
    for name in ("opens", "closes"):
        field = re.search(rf'<input[^>]*id="id_{name}"[^>]*>', form).group(0)
        assert 'dir="ltr"' in field, field


# The page cache


def test_a_cached_page_is_rendered_again_when_the_weekly_hours_change(client):
    assert hours_line(client) == TODAY  # cached now, the hours kept
    login_staff(client, manager())

    change(client, 5, "11:00", "22:00")

    assert hours_line(client) == "Monday – Friday: 10:00 – 22:00; Saturday: 11:00 – 22:00"


def test_another_process_sees_the_change_within_the_kept_seconds(client):
    assert hours_line(client) == TODAY
    # As another process would: saved without this process's signals.
    WeeklyHours.objects.filter(weekday=5).update(opens=time(11))
    assert hours_line(client) == TODAY

    later = clock.monotonic() + dated_hours.KEPT_SECONDS + 1
    with mock.patch("ground.kept.time.monotonic", return_value=later):
        assert hours_line(client) == "Monday – Friday: 10:00 – 22:00; Saturday: 11:00 – 22:00"


# Dated hours and no hours recorded


def test_a_dated_plan_still_wins_on_its_dates():
    WeeklyHours.objects.filter(weekday=0).update(opens=time(12), closes=time(18))
    plan = DatedHours.objects.create(
        name="Ramadan", starts_on=date(2026, 12, 7), ends_on=date(2026, 12, 31)
    )
    DayHours.objects.create(plan=plan, weekday=0, opens=time(20), closes=time(23))

    assert hours.open_spans(date(2026, 11, 30)) == [(time(12), time(18))]
    assert hours.open_spans(date(2026, 12, 7)) == [(time(20), time(23))]


def test_a_plan_that_gives_a_day_its_weekly_hours_is_no_notice_in_the_footer(client):
    WeeklyHours.objects.filter(weekday=0).update(opens=time(12), closes=time(18))
    plan = DatedHours.objects.create(
        name="Same", starts_on=date(2026, 11, 30), ends_on=date(2026, 11, 30)
    )
    DayHours.objects.create(plan=plan, weekday=0, opens=time(12), closes=time(18))

    with clock_at(MONDAY_9AM):
        text = client.get("/").content.decode()

    assert "Same" not in text


def test_with_no_weekly_hours_recorded_the_constants_stand(client):
    WeeklyHours.objects.all().delete()

    assert hours_line(client) == TODAY
    assert hours.open_spans(date(2026, 11, 30)) == [(time(10), time(22))]
    assert hours.open_spans(date(2026, 12, 6)) == []  # Sunday


# The wording


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Monday – Thursday: 10:00 – 22:00; Friday: 14:00 – 22:00"),
        ("ar", "من الاثنين إلى الخميس، من 10:00 إلى 22:00؛ الجمعة، من 14:00 إلى 22:00"),
    ],
)
def test_two_groups_of_days_are_worded_in_both_languages(language, expected):
    spans = weekly(*[(day, (10,), (22,)) for day in range(4)], (4, (14,), (22,)))

    with translation.override(language):
        assert str(hours.opening_hours_text(spans)) == expected


def test_days_apart_with_the_same_hours_are_not_one_group():
    spans = weekly((0, (10,), (22,)), (2, (10,), (22,)), (3, (10,), (22,)))

    with translation.override("en"):
        text = str(hours.opening_hours_text(spans))

    assert text == "Monday: 10:00 – 22:00; Wednesday – Thursday: 10:00 – 22:00"
