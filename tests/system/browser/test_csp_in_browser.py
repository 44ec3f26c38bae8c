"""Chromium enforces the Content-Security-Policy; nothing the site or the admin does breaks it."""

import logging
import time

import pytest

from tests.factories import make_front_desk_user, make_request
from tests.site_urls import page_urls
from tests.system.browser.conftest import sign_in_staff

pytestmark = [
    pytest.mark.looks,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("empty_cache", "front_desk_group"),
]


def visit(page, url):
    response = page.goto(url)
    # Violation events are queued tasks: let them run before reading the list.
    page.evaluate("() => new Promise(resolve => setTimeout(resolve, 50))")
    return response


def structured_data_types(page):
    return page.eval_on_selector_all(
        'script[type="application/ld+json"]',
        "blocks => blocks.map(block => JSON.parse(block.textContent)['@type'])",
    )


def test_every_page_loads_without_a_policy_violation(page, live_server, csp_problems):
    for url in page_urls():
        response = visit(page, live_server.url + url)

        assert response.status == 200, url
        assert response.headers["content-security-policy"], url
        assert "MedicalClinic" in structured_data_types(page), url
    not_found = visit(page, live_server.url + "/no-such-page/")

    assert not_found.status == 404
    assert csp_problems == []


@pytest.mark.usefixtures("faq_as_migrated")
def test_json_ld_blocks_are_kept_as_data_under_the_policy(page, live_server, csp_problems):
    visit(page, live_server.url + "/faq/")
    faq_types = structured_data_types(page)
    visit(page, live_server.url + "/exosome-therapy/")
    therapy_types = structured_data_types(page)

    assert faq_types == ["MedicalClinic", "FAQPage"]
    assert therapy_types == ["MedicalClinic", "MedicalProcedure"]
    assert csp_problems == []


def test_the_admin_screens_the_front_desk_uses_load_without_a_violation(
    page, live_server, csp_problems
):
    request = make_request()
    admin = f"{live_server.url}/admin/"
    visit(page, admin + "login/")
    sign_in_staff(page, live_server, make_front_desk_user())

    for url in (
        admin,
        admin + "consultations/consultationrequest/",
        admin + "consultations/consultationrequest/?q=050+123+4567",
        admin + f"consultations/consultationrequest/{request.pk}/change/",
        admin + "password_change/",
    ):
        response = visit(page, url)

        assert response.status == 200, url
        assert page.url == url, "signed out?"
    assert csp_problems == []


def test_the_admin_list_and_change_page_still_work_under_the_policy(
    page, live_server, csp_problems
):
    request = make_request(name="Omar Khalid")
    admin = f"{live_server.url}/admin/consultations/consultationrequest/"
    sign_in_staff(page, live_server, make_front_desk_user())

    visit(page, admin)
    page.locator("#action-toggle").check()
    selected = page.locator(".action-counter").inner_text()
    visit(page, f"{admin}{request.pk}/change/")
    page.get_by_label("Staff notes").fill("Called, booked for Monday.")
    page.get_by_role("button", name="Save and continue editing").click()
    page.wait_for_load_state()

    assert selected.startswith("1 of 1")
    request.refresh_from_db()
    assert request.staff_notes == "Called, booked for Monday."
    assert csp_problems == []


def test_an_inline_style_is_blocked_and_reported_to_our_endpoint(
    page, live_server, csp_problems, caplog
):
    caplog.set_level(logging.WARNING, logger="security.views")
    visit(page, live_server.url + "/contact/?phone=0501234567")

    page.evaluate("() => document.body.setAttribute('style', 'display: none')")
    page.evaluate("() => new Promise(resolve => setTimeout(resolve, 50))")
    deadline = time.monotonic() + 10
    while not caplog.records and time.monotonic() < deadline:
        time.sleep(0.1)

    assert page.locator("h1").is_visible()
    assert "style-src-attr blocked inline on /contact/" in csp_problems
    logged = [record.getMessage() for record in caplog.records]
    assert logged == [f"CSP violation: style-src-attr blocked inline on {live_server.url}/contact/"]
