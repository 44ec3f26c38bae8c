"""The staff member's new calendar address in a real browser, English and Arabic admin, at 390
and 1280 px: the webcal:// link and the QR code show without a sideways scroll, pass axe and
trip no Content-Security-Policy (the QR code is inline SVG, no style, no script)."""

import pytest
from playwright.sync_api import expect

from tests.factories import make_superuser
from tests.system.browser.conftest import DESKTOP, PHONE, has_horizontal_scroll, sign_in_staff

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("empty_cache")]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_new_feed_address_as_a_webcal_link_and_a_qr_code(
    page, live_server, axe, screenshot, front_desk_group, csp_problems, language
):
    sign_in_staff(page, live_server, make_superuser())
    if language == "ar":
        page.goto(f"{live_server.url}/admin/")
        page.locator(".admin-language button").click()
    page.goto(f"{live_server.url}/admin/booking/booking/my-calendar/")
    page.locator("button[name=new]").click()

    expect(page.locator(".booking-feed-qr svg")).to_be_visible()
    assert page.locator("a[href^='webcal://']").count() == 1
    for size_name, size in (("390", PHONE), ("1280", DESKTOP)):
        page.set_viewport_size(size)
        page.evaluate("() => new Promise(resolve => setTimeout(resolve, 50))")
        assert list(csp_problems) == []
        assert axe(page) == []
        assert not has_horizontal_scroll(page)
        screenshot(page, f"feed-{language}-{size_name}")
