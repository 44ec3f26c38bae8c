"""A patient on a phone, in English and in Arabic: the form, a time chosen by keyboard, the
confirmation with its calendar file; a second patient racing for the same time gets the clear
message; the front desk confirms it in the day view."""

import re
from pathlib import Path

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from booking.models import Booking
from booking.slots import forget_rules
from tests.factories import make_front_desk_user
from tests.system.browser.conftest import PHONE, has_horizontal_scroll, sign_in_staff

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("empty_cache")]

COPY = {
    "en": {"choose": "Choose a time for your free consultation", "held": "Your time is held",
           "taken": "Sorry, someone has just taken"},
    "ar": {"choose": "اختر موعدًا لاستشارتك المجانية", "held": "حجزنا لك هذا الموعد مبدئيًا",
           "taken": "عذرًا، حجز شخص آخر موعد"},
}  # fmt: skip


def ask(page, live_server, language, name, phone):
    prefix = "/ar" if language == "ar" else ""
    page.goto(f"{live_server.url}{prefix}/consultation/")
    page.locator("input[name=name]").fill(name)
    page.locator("input[name=phone]").fill(phone)
    page.locator("input[name=consent]").check()
    page.locator(".consultation-form [type=submit]").click()
    page.wait_for_url(re.compile(r".*/consultation/thanks/\?ref=.+"))
    page.get_by_role("link", name=COPY[language]["choose"]).click()
    page.wait_for_url(re.compile(r".*/consultation/time/\?r=.+"))


@pytest.mark.parametrize("language", ["en", "ar"])
def test_two_patients_race_for_a_time_and_the_front_desk_confirms_it(
    page, live_server, axe, screenshot, settings, front_desk_group, language, tmp_path
):
    settings.CONSULTATION_MIN_FILL_SECONDS = 0
    forget_rules()
    page.set_viewport_size(PHONE)
    other = page.context.browser.new_context(viewport=PHONE).new_page()

    ask(page, live_server, language, "Layla Hassan", "050 123 4567")
    ask(other, live_server, language, "Sara Ali", "050 765 4321")

    assert axe(page) == []
    assert not has_horizontal_scroll(page)
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    screenshot(page, f"booking-picker-{language}-390")
    first = page.locator("button[name=time]").first
    chosen = first.get_attribute("value")
    first.focus()
    page.keyboard.press("Enter")  # by keyboard alone, and one key (or tap) chooses
    expect(page.get_by_role("heading", level=1)).to_have_text(COPY[language]["held"])
    other.locator(f"button[name=time][value='{chosen}']").click()

    expect(other.locator("#time-problem")).to_contain_text(COPY[language]["taken"])
    assert other.locator(f"button[name=time][value='{chosen}']").count() == 0
    assert axe(other) == []
    screenshot(other, f"booking-taken-{language}-390")
    assert axe(page) == []
    assert not has_horizontal_scroll(page)
    screenshot(page, f"booking-held-{language}-390")
    with page.expect_download() as download:
        page.locator("a[href$='calendar.ics']").click()
    calendar = Calendar.from_ical(Path(download.value.path()).read_bytes())
    event = calendar.walk("VEVENT")[0]
    assert f"{event.decoded('DTSTART'):%Y-%m-%dT%H:%M}" == chosen
    assert Booking.objects.get().request.name == "Layla Hassan"

    desk = page.context.browser.new_context(viewport=PHONE).new_page()
    sign_in_staff(desk, live_server, make_front_desk_user())
    desk.goto(f"{live_server.url}/admin/booking/booking/day/?date={chosen[:10]}")
    desk.get_by_role("button", name=re.compile("Confirm .* for Layla Hassan")).click()
    expect(desk.locator(".messagelist")).to_contain_text("Confirmed")
    assert axe(desk) == []
    assert not has_horizontal_scroll(desk)
    screenshot(desk, f"booking-front-desk-confirmed-{language}-390")
    assert Booking.objects.get().status == "confirmed"
    page.reload()
    screenshot(page, f"booking-confirmed-{language}-390")
    for extra in (other, desk):  # closed here, not left talking to the live server
        extra.context.close()
