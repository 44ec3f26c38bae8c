"""The front desk's move, calendar-feed and reminder pages on a phone (390 px), in English and
Arabic: every link and button is a thumb's size (44 by 44 CSS px), and the reminder page, whose
message carries long links, never scrolls sideways."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from consultations.models import ContactEntry
from tests.browser.conftest import PHONE, has_horizontal_scroll, sign_in_staff
from tests.factories import make_booking, make_contact, make_request, make_superuser

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("empty_cache")]

SMALL_TARGETS = """() => [...document.querySelectorAll(
    '#content-main a, #content-main button, #content-main input[type=submit]'
  )].filter(target => target.getClientRects().length)
  .map(target => [target.textContent.trim() || target.value, target.getBoundingClientRect()])
  .filter(([, box]) => box.width < 44 || box.height < 44)
  .map(([text, box]) => `${text} (${Math.round(box.width)}x${Math.round(box.height)})`)"""


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_move_feed_and_reminder_pages_fit_a_thumb_on_a_phone(
    page, live_server, front_desk_group, language
):
    tomorrow = timezone.localtime() + timedelta(days=1)
    starts_at = tomorrow.replace(hour=11, minute=0, second=0, microsecond=0)
    booking = make_booking(
        make_request(name="مريم الحربي", phone="+971522223344", language="ar"),
        starts_at=starts_at,
    )
    sign_in_staff(page, live_server, make_superuser())
    page.set_viewport_size(PHONE)
    if language == "ar":
        page.goto(f"{live_server.url}/admin/")
        page.locator(".admin-language button").click()

    small = {}
    page.goto(f"{live_server.url}/admin/booking/booking/{booking.pk}/move/")
    small["move"] = page.evaluate(SMALL_TARGETS)
    page.goto(f"{live_server.url}/admin/booking/booking/my-calendar/")
    small["feed, before"] = page.evaluate(SMALL_TARGETS)
    page.locator("#content-main form button").first.click()  # makes the address
    expect(page.locator("#feed-url")).to_be_visible()
    small["feed, with its address"] = page.evaluate(SMALL_TARGETS)
    page.goto(f"{live_server.url}/admin/booking/booking/reminders/")
    page.locator(".booking-actions form[action$='/remind/'] button").click()
    expect(page.locator(".booking-remind__text")).to_be_visible()
    small["reminder"] = page.evaluate(SMALL_TARGETS)

    assert {screen: targets for screen, targets in small.items() if targets} == {}
    assert not has_horizontal_scroll(page)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_log_page_with_its_contact_history_never_scrolls_sideways_on_a_phone(
    page, live_server, front_desk_group, language
):
    consultation = make_request(name="مريم الحربي", phone="+971522223344")
    user = make_superuser()
    make_contact(
        consultation, user, ContactEntry.Outcome.WHATSAPP_SENT, timezone.now(), note="أرسلنا رسالة"
    )
    sign_in_staff(page, live_server, user)
    page.set_viewport_size(PHONE)
    if language == "ar":
        page.goto(f"{live_server.url}/admin/")
        page.locator(".admin-language button").click()

    page.goto(f"{live_server.url}/admin/consultations/consultationrequest/{consultation.pk}/log/")
    assert page.locator(".contact-history tbody tr").count() == 1
    assert not has_horizontal_scroll(page)
