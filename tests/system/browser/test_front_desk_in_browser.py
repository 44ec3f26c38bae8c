"""A morning at the front desk in Chromium: no answer, call back tomorrow, found the next day
under "due today", booked, attended; the owner sees the visit counted in the report."""

from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import make_front_desk_user, make_request, make_superuser
from tests.system.browser.conftest import DESKTOP, PHONE, has_horizontal_scroll, sign_in_staff

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("empty_cache")]

LIST = "/admin/consultations/consultationrequest/"


def log(page, outcome, call_back=None):
    page.locator("#result_list tbody tr").first.get_by_role("link", name="Log an attempt").click()
    if call_back:
        page.get_by_label(call_back).check()
    page.get_by_role("button", name=outcome).click()
    expect(page.locator(".messagelist")).to_contain_text(outcome)


def test_no_answer_then_due_tomorrow_then_booked_and_attended_reaches_the_report(
    page, live_server, axe, screenshot, front_desk_group
):
    consultation = make_request(name="Layla Hassan", utm_source="instagram", best_time="evening")
    page.set_viewport_size(DESKTOP)
    sign_in_staff(page, live_server, make_front_desk_user())

    page.goto(f"{live_server.url}{LIST}")
    assert axe(page) == []
    screenshot(page, "front-desk-list-1280")
    page.locator("#result_list tbody tr").first.get_by_role("link", name="Log an attempt").click()
    assert axe(page) == []
    screenshot(page, "front-desk-log-1280")
    page.goto(f"{live_server.url}{LIST}")
    log(page, "Called, no answer", call_back="Tomorrow")

    tomorrow = timezone.now() + timedelta(days=1)
    with mock.patch("ground.hours.now", return_value=tomorrow):
        page.goto(f"{live_server.url}{LIST}?work=due_today")
        expect(page.locator("#result_list tbody tr")).to_have_count(1)
        log(page, "Booked")
        page.goto(f"{live_server.url}{LIST}?work=all")
        log(page, "Attended")

    page.goto(f"{live_server.url}{LIST}{consultation.pk}/change/")
    expect(page.locator(".contact-history tbody tr")).to_have_count(3)
    assert axe(page) == []
    screenshot(page, "front-desk-request-history-1280")
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}{LIST}")
    screenshot(page, "front-desk-list-390")

    page.context.clear_cookies()
    sign_in_staff(page, live_server, make_superuser())
    page.set_viewport_size(DESKTOP)
    page.goto(f"{live_server.url}{LIST}report/")
    shares = page.get_by_role("table", name="Booked and attended, by campaign source")
    expect(shares.get_by_role("row").filter(has_text="instagram")).to_contain_text("100% (1)")
    assert axe(page) == []
    screenshot(page, "requests-report-1280")
    page.set_viewport_size(PHONE)
    page.reload()
    assert axe(page) == []
    assert not has_horizontal_scroll(page)
    screenshot(page, "requests-report-390")
