"""The patient's screens in a real browser, in English and Arabic, on a phone and a desk: the
picker (first days, after a taken time, the change picker), the visit page (held, confirmed,
moved by the clinic, cancelled) and the cancel confirm page; each passes axe without a
sideways scroll, and on a phone a row holds three or four times."""

from datetime import datetime, time, timedelta
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from booking.links import visit_path, visit_token
from booking.slots import forget_rules
from booking.views import parse_time
from ground.hours import CLINIC_TIMEZONE, clinic_today
from tests.factories import make_booking, make_request, picker_url
from tests.system.browser.conftest import DESKTOP, PHONE, has_horizontal_scroll

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("empty_cache")]


def times_in_first_row(page):
    return page.evaluate(
        """() => {
        const buttons = [...document.querySelector('.time-options').querySelectorAll('button')];
        const top = buttons[0].getBoundingClientRect().top;
        return buttons.filter(b => Math.abs(b.getBoundingClientRect().top - top) < 2).length;
    }"""
    )


def bookings(language):
    """A held, a confirmed, a moved and a cancelled time, three days from now."""
    day = clinic_today() + timedelta(days=3)

    def at(hour, minute):
        return datetime.combine(day, time(hour, minute), tzinfo=CLINIC_TIMEZONE)

    def patient(n):
        return make_request(name="ليلى حسن", phone=f"+97150000000{n}", language=language)

    return {
        "held": make_booking(patient(1), starts_at=at(10, 30)),
        "confirmed": make_booking(patient(2), starts_at=at(11, 0), status="confirmed"),
        "moved": make_booking(
            patient(3),
            starts_at=at(17, 30),
            status="confirmed",
            moved_from=at(11, 30),
            calendar_sequence=2,
        ),
        "cancelled": make_booking(
            patient(4), starts_at=at(12, 0), status="cancelled", calendar_sequence=1
        ),
    }


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_patients_screens_pass_axe_in_both_languages(
    page, live_server, axe, screenshot, settings, language, viewport
):
    settings.CLINIC = {
        **settings.CLINIC,
        "phone": "+971 4 000 0000",
        "whatsapp": "+971 50 000 1122",
    }
    forget_rules()
    page.set_viewport_size(viewport)
    width = viewport["width"]

    def look(name):
        assert axe(page) == [], name
        assert not has_horizontal_scroll(page), name
        screenshot(page, f"patient-{name}-{language}-{width}")

    page.goto(live_server.url + picker_url(make_request(language=language), language))
    if width == PHONE["width"]:
        assert 3 <= times_in_first_row(page) <= 4
    look("picker")

    first = page.locator("button[name=time]").first
    make_booking(starts_at=parse_time(first.get_attribute("value")))  # taken a moment before
    first.click()
    expect(page.locator("#time-problem")).to_be_visible()
    look("picker-taken")

    made = bookings(language)
    with translation.override(language):
        change = f"{reverse('booking:pick')}?{urlencode({'v': visit_token(made['held'])})}"
        cancel = reverse("booking:cancel", args=[visit_token(made["held"])])
    page.goto(live_server.url + change)
    expect(page.locator(".time-current")).to_be_visible()
    look("picker-change")

    for state, booking in made.items():
        page.goto(live_server.url + visit_path(booking))
        look(f"visit-{state}")

    page.goto(live_server.url + cancel)
    look("cancel-confirm")
    page.get_by_role(
        "link", name="Keep my time" if language == "en" else "الإبقاء على موعدي"
    ).click()
    expect(page).to_have_url(live_server.url + visit_path(made["held"]))
