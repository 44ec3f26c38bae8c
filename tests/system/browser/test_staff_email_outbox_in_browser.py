"""The staff emails waiting, as the front desk sees them: axe-clean and within the page's
policy at 390 and 1280 px, in English and Arabic."""

import pytest

from consultations.models import StaffNotification
from tests.factories import make_front_desk_user, make_request
from tests.system.browser.conftest import DESKTOP, PHONE, has_horizontal_scroll, sign_in_staff

pytestmark = [
    pytest.mark.looks,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("empty_cache"),
]

URL = "/admin/consultations/staffnotification/"


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_staff_emails_waiting_read_well_on_a_phone_and_a_desk(
    page, live_server, axe, screenshot, front_desk_group, csp_problems, language
):
    for n in range(3):
        consultation = make_request(name=f"Patient {n}", phone=f"+9715000{n:05d}")
        StaffNotification.objects.create(
            request=consultation,
            site_url="https://www.example.ae",
            attempts=n,
            last_error="SMTPServerDisconnected: Connection unexpectedly closed" if n else "",
        )
    sign_in_staff(page, live_server, make_front_desk_user())
    if language == "ar":
        page.goto(f"{live_server.url}/admin/")
        page.locator(".admin-language button").click()

    found = {}
    for name, size in (("390", PHONE), ("1280", DESKTOP)):
        page.set_viewport_size(size)
        page.goto(f"{live_server.url}{URL}")
        page.evaluate("() => new Promise(resolve => setTimeout(resolve, 50))")
        problems = list(csp_problems) + axe(page)
        csp_problems.clear()
        if size is PHONE and has_horizontal_scroll(page):
            problems.append("scrolls sideways")
        if problems:
            found[name] = problems
        screenshot(page, f"staff-emails-waiting-{language}-{name}")

    assert "Patient" not in page.content()
    assert found == {}
