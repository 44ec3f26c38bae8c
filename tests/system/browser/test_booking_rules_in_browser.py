"""The pages of booking's rules on a phone, in English and in Arabic: a held time read as
provisional, a lapsed one, and a second request of a number that already has a time."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from booking.links import visit_path
from booking.slots import forget_rules
from tests.factories import make_booking, make_request, picker_url
from tests.system.browser.conftest import PHONE, has_horizontal_scroll

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("empty_cache")]

COPY = {
    "en": {"held": "Your time is held", "lapsed": "This time was not confirmed in time",
           "number": "This phone number already has a consultation time"},
    "ar": {"held": "حجزنا لك هذا الموعد مبدئيًا", "lapsed": "لم يُؤكَّد هذا الموعد في الوقت المحدد",
           "number": "لهذا الرقم موعد استشارة لدينا بالفعل"},
}  # fmt: skip


def in_three_days():
    moment = timezone.localtime(timezone.now() + timedelta(days=3))
    return moment.replace(hour=12, minute=0, second=0, microsecond=0)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_held_and_lapsed_pages_and_a_number_with_a_time_read_clearly_on_a_phone(
    page, live_server, axe, screenshot, language
):
    forget_rules()
    page.set_viewport_size(PHONE)
    starts = in_three_days()
    held = make_booking(make_request(phone="+971501111111", language=language), starts_at=starts)
    lapsed = make_booking(starts_at=starts + timedelta(hours=1), status="lapsed")
    second = make_request(phone="+971502222222", whatsapp="+971501111111", language=language)

    for booking, state in ((held, "held"), (lapsed, "lapsed")):
        page.goto(live_server.url + visit_path(booking, language))
        expect(page.get_by_role("heading", level=1)).to_have_text(COPY[language][state])
        assert axe(page) == []
        assert not has_horizontal_scroll(page)
        screenshot(page, f"booking-{state}-{language}-390")

    page.goto(live_server.url + picker_url(second, language))
    page.locator("button[name=time]").first.click()  # one tap chooses
    expect(page.locator("#time-problem")).to_contain_text(COPY[language]["number"])
    assert axe(page) == []
    assert not has_horizontal_scroll(page)
    screenshot(page, f"booking-number-has-a-time-{language}-390")
