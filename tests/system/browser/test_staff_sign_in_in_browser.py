"""A front-desk member's first sign-in, in a real browser: password, app set-up, recovery
codes, the admin, signing out; and the page a locked-out sign-in gets."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.factories import app_code, make_front_desk_user
from tests.system.browser.conftest import DESKTOP, PHONE, has_horizontal_scroll

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page, live_server, password="front-desk-pass-123"):
    page.goto(f"{live_server.url}/admin/")
    page.get_by_label("Username").fill("desk")
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def test_first_sign_in_sets_up_the_app_then_reaches_the_admin(
    page, live_server, axe, screenshot, front_desk_group
):
    desk = make_front_desk_user(username="desk", password="front-desk-pass-123")
    page.set_viewport_size(DESKTOP)

    sign_in(page, live_server)

    expect(page.get_by_role("heading", level=1)).to_have_text("Set up your sign-in app")
    qr = page.get_by_role("img", name="QR code for adding Ecla Clinic to your authenticator app")
    expect(qr).to_be_visible()
    # Drawn, not just laid out: the SVG from our own origin loaded and decoded.
    qr.element_handle().wait_for_element_state("stable")
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=qr.element_handle())
    assert axe(page) == []
    screenshot(page, "staff-set-up-1280")
    page.set_viewport_size(PHONE)
    assert not has_horizontal_scroll(page)
    screenshot(page, "staff-set-up-390")

    app = TOTPDevice.objects.get(user=desk)
    page.get_by_label("Code from the app").fill(app_code(app))
    page.get_by_role("button", name="Confirm").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Keep your recovery codes")
    expect(page.locator(".staff-access-codes li")).to_have_count(10)
    assert axe(page) == []
    assert not has_horizontal_scroll(page)
    screenshot(page, "staff-recovery-codes-390")
    page.set_viewport_size(DESKTOP)
    screenshot(page, "staff-recovery-codes-1280")

    page.get_by_role("link", name="I have kept them: continue").click()
    page.get_by_role("link", name="Consultation requests").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Select consultation request to change"
    )
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Logged out")


def test_a_locked_out_sign_in_gets_a_friendly_page(
    page, live_server, axe, screenshot, front_desk_group
):
    make_front_desk_user(username="desk", password="front-desk-pass-123")
    page.set_viewport_size(PHONE)

    for _ in range(6):
        sign_in(page, live_server, password="not-the-password-1")

    expect(page.get_by_role("heading", level=1)).to_have_text("Signing in is paused")
    assert axe(page) == []
    assert not has_horizontal_scroll(page)
    screenshot(page, "staff-locked-out-390")
