"""axe finds nothing on any front-desk screen, at 390 and 1280 px, in English and Arabic: the
requests' list, a request, the Log page, the report, the consultation times' screens and the
clinic's hours (weekly and dated); and none of them trips the Content-Security-Policy."""

from datetime import time, timedelta

import pytest
from django.utils import timezone

from booking.models import ClinicSettings
from ground.models import WeeklyHours
from tests.factories import make_booking, make_request, make_superuser
from tests.system.browser.conftest import (
    DESKTOP,
    PHONE,
    has_horizontal_scroll,
    sign_in_staff,
)

pytestmark = [
    pytest.mark.looks,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("empty_cache"),
]

SCREENS = [
    "/admin/",
    "/admin/consultations/consultationrequest/",
    "/admin/consultations/consultationrequest/?work=all",
    "/admin/consultations/consultationrequest/{request}/change/",
    "/admin/consultations/consultationrequest/{request}/log/",
    "/admin/consultations/consultationrequest/report/",
    "/admin/booking/booking/day/?date={day}",
    "/admin/booking/booking/week/?date={day}",
    "/admin/booking/booking/reminders/",
    "/admin/booking/booking/to-confirm/",
    "/admin/booking/booking/{booking}/move/",
    "/admin/booking/booking/my-calendar/",
    "/admin/booking/clinicsettings/1/change/",
    "/admin/ground/datedhours/add/",
    "/admin/ground/weeklyhours/",
    "/admin/ground/weeklyhours/{weekly}/change/",
]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_front_desk_screen_is_axe_clean_on_a_phone_and_a_desk(
    page, live_server, axe, screenshot, front_desk_group, csp_problems, language
):
    tomorrow = timezone.localtime() + timedelta(days=1)
    starts_at = tomorrow.replace(hour=11, minute=0, second=0, microsecond=0)
    for n in range(55):  # more than a page: the list shows its "Show all" link
        make_request(name=f"Patient {n}", phone=f"+9715000{n:05d}", utm_source="instagram")
    booking = make_booking(make_request(name="Layla Hassan"), starts_at=starts_at)
    ClinicSettings.load()
    # Sunday: never a migrated row, so there whether or not a test before emptied the table.
    weekly = WeeklyHours.objects.create(weekday=6, opens=time(12), closes=time(18))
    sign_in_staff(page, live_server, make_superuser())
    if language == "ar":
        page.goto(f"{live_server.url}/admin/")
        page.locator(".admin-language button").click()

    found = {}
    for size_name, size in (("390", PHONE), ("1280", DESKTOP)):
        page.set_viewport_size(size)
        for screen in SCREENS:
            url = screen.format(
                request=booking.request_id,
                booking=booking.pk,
                day=f"{starts_at:%Y-%m-%d}",
                weekly=weekly.pk,
            )
            page.goto(f"{live_server.url}{url}")
            # Violation events are queued tasks: let them run, and read them before axe runs
            # (some of its rules add a <style> of their own, which the policy rightly blocks).
            page.evaluate("() => new Promise(resolve => setTimeout(resolve, 50))")
            violations = list(csp_problems)
            violations += axe(page)
            csp_problems.clear()
            if violations:
                found[f"{url} at {size_name}"] = violations
            if size is PHONE and "/booking/" in url and has_horizontal_scroll(page):
                found[f"{url} at {size_name}"] = ["scrolls sideways"]
            if "/weeklyhours/" in url:
                if size is PHONE and has_horizontal_scroll(page):
                    found[f"{url} at {size_name}"] = ["scrolls sideways"]
                kind = "change" if "/change/" in url else "list"
                screenshot(page, f"weekly-hours-{kind}-{language}-{size_name}")
        screenshot(page, f"front-desk-day-{language}-1280")
        page.goto(f"{live_server.url}/admin/booking/booking/day/?date={starts_at:%Y-%m-%d}")
        page.set_viewport_size(PHONE)
        screenshot(page, f"front-desk-day-{language}-390")

    assert found == {}
