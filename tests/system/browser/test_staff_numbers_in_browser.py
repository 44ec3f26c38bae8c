"""The front desk reads numbers aloud and dials them: in Chromium, a patient with an Arabic name
has her number drawn in its own order (+971 52 222 3344, never 3344 222 52 971+), after her name
in the reading direction, in the English and the Arabic admin."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import make_booking, make_request, make_superuser
from tests.system.browser.conftest import DESKTOP, PHONE, sign_in_staff

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("empty_cache")]

NAME = "مريم الحربي"
NUMBER = "+971 52 222 3344"

# The left edge of each space-separated part of `text` as drawn, from the first text node under
# `selector` that holds it (a Range's client rectangle: what the eye sees, not the DOM order).
DRAWN_PARTS = """([selector, text]) => {
  const root = document.querySelector(selector);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    let offset = node.data.indexOf(text);
    if (offset < 0) continue;
    const parts = [];
    for (const part of text.split(" ")) {
      const range = document.createRange();
      range.setStart(node, offset);
      range.setEnd(node, offset + part.length);
      const box = range.getBoundingClientRect();
      parts.push({left: box.left, right: box.right});
      offset += part.length + 1;
    }
    return parts;
  }
  return null;
}"""


def drawn(page, selector, text):
    parts = page.evaluate(DRAWN_PARTS, [selector, text])
    assert parts, f"{text!r} is not under {selector}"
    return parts


def assert_number_reads_left_to_right(page, selector):
    lefts = [part["left"] for part in drawn(page, selector, NUMBER)]
    assert lefts == sorted(lefts), f"{NUMBER} drawn out of order under {selector}: {lefts}"


def assert_name_comes_first(page, selector, language):
    name = drawn(page, selector, NAME)
    number = drawn(page, selector, NUMBER)
    if language == "en":  # read left to right: the name's right edge, then the number
        assert max(p["right"] for p in name) <= number[0]["left"]
    else:  # read right to left: the number sits to the left of the name
        assert number[-1]["right"] <= min(p["left"] for p in name)


@pytest.fixture
def patient():
    consultation = make_request(name=NAME, phone="+971522223344")
    tomorrow = timezone.localtime() + timedelta(days=1)
    starts_at = tomorrow.replace(hour=11, minute=0, second=0, microsecond=0)
    return make_booking(consultation, starts_at=starts_at)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_an_arabic_named_patients_number_reads_in_order_on_the_staff_screens(
    page, live_server, front_desk_group, patient, language
):
    sign_in_staff(page, live_server, make_superuser())
    if language == "ar":
        page.goto(f"{live_server.url}/admin/")
        page.locator(".admin-language button").click()
    day = f"{patient.starts_at.astimezone(timezone.get_current_timezone()):%Y-%m-%d}"

    for size in (DESKTOP, PHONE):
        page.set_viewport_size(size)
        for url in (
            f"/admin/booking/booking/day/?date={day}",
            f"/admin/booking/booking/week/?date={day}",
            "/admin/booking/booking/reminders/",
        ):
            page.goto(f"{live_server.url}{url}")
            assert_number_reads_left_to_right(page, ".booking-visit__head")
            if size is DESKTOP:  # on one line: on a phone the row may wrap
                assert_name_comes_first(page, ".booking-visit__head", language)

        page.goto(f"{live_server.url}/admin/consultations/consultationrequest/")
        assert_number_reads_left_to_right(page, "#result_list .field-phone_link")
        assert_number_reads_left_to_right(page, "#result_list .field-whatsapp_link")

        page.goto(
            f"{live_server.url}/admin/consultations/consultationrequest/{patient.request_id}/log/"
        )
        assert_number_reads_left_to_right(page, ".log-contact-numbers")
