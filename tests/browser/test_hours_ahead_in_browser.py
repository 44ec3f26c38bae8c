"""The footer's notice of this week's other hours (a closed day, a dated plan), read in a
browser in both languages on a phone and a desktop: it fits, passes axe, and reads its way."""

from datetime import date, time

import pytest

from ground.models import DatedHours, DayHours
from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOT_DIR, has_horizontal_scroll
from tests.factories import clock_at, dubai


@pytest.fixture
def this_weeks_hours():
    DatedHours.objects.create(
        name="National Day", starts_on=date(2026, 12, 9), ends_on=date(2026, 12, 9), closed=True
    )
    winter = DatedHours.objects.create(
        name="Winter hours", starts_on=date(2026, 12, 11), ends_on=date(2026, 12, 12)
    )
    for weekday in (4, 5):
        DayHours.objects.create(plan=winter, weekday=weekday, opens=time(10), closes=time(16))
    with clock_at(dubai(2026, 12, 7, 9, 0)):
        yield


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("this_weeks_hours")
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["Closed Wed 9 Dec: National Day", "From Fri 11 Dec to Sat 12 Dec: 10:00 – 16:00"]),
        ("ar", ["مغلق يوم الأربعاء 9 ديسمبر", "من الجمعة 11 ديسمبر إلى السبت 12 ديسمبر"]),
    ],
)
def test_the_footer_names_this_weeks_other_hours(
    page, live_server, axe, viewport, language, expected
):
    page.set_viewport_size(viewport)

    page.goto(live_server.url + ("/" if language == "en" else "/ar/"))

    notice = page.locator("footer .clinic-hours-ahead").inner_text()
    assert all(line in notice for line in expected), notice
    assert not has_horizontal_scroll(page)
    assert axe(page) == []
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    footer = SCREENSHOT_DIR / f"hours-ahead-footer-{language}-{viewport['width']}.png"
    page.locator("footer").screenshot(path=footer)
