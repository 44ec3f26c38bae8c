"""The front desk's day in Chromium, in the English and the Arabic admin, at 390 and 1280 px: a
held time, a confirmed visit that has begun and an attended one (its badge and Undo); Attended
then Undo; Confirm then the patient's WhatsApp message in the patient's language; Decline then
its Undo; the times to confirm and the move page's day fieldsets. axe finds nothing, nothing
scrolls sideways, and every screen is photographed."""

from datetime import datetime, time, timedelta
from unittest import mock
from urllib.parse import unquote

import pytest
from playwright.sync_api import expect

from booking.models import Booking, ClinicSettings
from consultations.lifecycle import log_contact
from ground.hours import CLINIC_TIMEZONE, clinic_today
from tests.browser.conftest import DESKTOP, PHONE, has_horizontal_scroll, sign_in_staff
from tests.factories import make_booking, make_front_desk_user, make_request

pytestmark = [
    pytest.mark.looks,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("empty_cache"),
]


def next_open_day():
    day = clinic_today() + timedelta(days=1)
    return day + timedelta(days=1) if day.weekday() == 6 else day


def row(page, name):
    return page.locator(".booking-visit").filter(has_text=name)


def check(page, axe, csp_problems, found, label):
    page.evaluate("() => new Promise(resolve => setTimeout(resolve, 50))")
    problems = list(csp_problems) + axe(page)
    csp_problems.clear()
    if page.viewport_size["width"] == PHONE["width"] and has_horizontal_scroll(page):
        problems.append("scrolls sideways")
    if problems:
        found[label] = problems


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_days_rows_and_their_actions_in_both_languages(
    page, live_server, axe, screenshot, front_desk_group, csp_problems, language
):
    day = next_open_day()
    now = datetime.combine(day, time(12), tzinfo=CLINIC_TIMEZONE)
    held = make_booking(
        make_request(name="ليلى حسن", phone="+971522223344", language="ar"),
        starts_at=now + timedelta(hours=3),
    )
    begun = make_booking(
        make_request(name="Omar Khalid", phone="+971501234567"),
        starts_at=now - timedelta(hours=1),
        status="confirmed",
    )
    attended = make_booking(
        make_request(name="سارة علي", phone="+971503334455", language="ar"),
        starts_at=now - timedelta(minutes=30),
        status="confirmed",
    )
    to_decline = make_booking(
        make_request(name="Hamad Saeed", phone="+971504445566"),
        starts_at=now + timedelta(hours=4),
    )
    ClinicSettings.load()
    base = live_server.url
    day_url = f"{base}/admin/booking/booking/day/?date={day:%Y-%m-%d}"
    found = {}

    with mock.patch("ground.hours.now", return_value=now):
        log_contact(attended.request, None, "attended")
        sign_in_staff(page, live_server, make_front_desk_user())
        if language == "ar":
            page.goto(f"{base}/admin/")
            page.locator(".admin-language button").click()

        for size_name, size in (("390", PHONE), ("1280", DESKTOP)):
            page.set_viewport_size(size)
            for name, url in (
                ("day", day_url),
                ("to-confirm", f"{base}/admin/booking/booking/to-confirm/"),
                ("move", f"{base}/admin/booking/booking/{held.pk}/move/"),
            ):
                page.goto(url)
                check(page, axe, csp_problems, found, f"{name} at {size_name}")
                screenshot(page, f"desk-{name}-{language}-{size_name}")

        page.goto(day_url)
        expect(row(page, "سارة علي").locator(".booking-outcome--attended")).to_be_visible()
        row(page, "Omar Khalid").locator('button[value="attended"]').click()
        expect(row(page, "Omar Khalid").locator(".booking-outcome--attended")).to_be_visible()
        row(page, "Omar Khalid").locator('button[value="undo_outcome"]').click()
        expect(row(page, "Omar Khalid").locator('button[value="no_show"]')).to_be_visible()

        row(page, "ليلى حسن").locator('button[value="confirm"]').click()
        page.locator(".messagelist a").click()
        link = page.locator('a[href^="https://wa.me/971522223344"]')
        assert "تم تأكيد موعد استشارتك المجانية" in unquote(link.get_attribute("href"))
        expect(page.locator('.booking-remind__text[dir="rtl"]')).to_be_visible()
        check(page, axe, csp_problems, found, "tell at 1280")
        screenshot(page, f"desk-tell-{language}-1280")

        page.goto(day_url)
        row(page, "Hamad Saeed").locator('button[value="decline"]').click()
        page.locator(".messagelist a").click()
        check(page, axe, csp_problems, found, "tell after decline at 1280")
        page.set_viewport_size(PHONE)
        check(page, axe, csp_problems, found, "tell after decline at 390")
        screenshot(page, f"desk-declined-{language}-390")
        page.locator('button[value="undo_decline"]').click()
        expect(row(page, "Hamad Saeed")).to_be_visible()

    assert Booking.objects.get(pk=held.pk).status == "confirmed"
    assert Booking.objects.get(pk=to_decline.pk).status == "held"
    assert Booking.objects.get(pk=begun.pk).request.status == "new"
    assert found == {}
