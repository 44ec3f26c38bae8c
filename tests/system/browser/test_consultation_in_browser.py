import csv
import io
import re
from urllib.parse import unquote

import pytest
from playwright.sync_api import expect

from consultations.models import ConsultationRequest
from tests.factories import app_code, make_authenticator, make_front_desk_user
from tests.system.browser.conftest import DESKTOP, PHONE, has_horizontal_scroll, sign_in_staff

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("empty_cache")]

# A stored request's thanks page carries its signed reference (the link to choose a time).
THANKS = re.compile(r".*/consultation/thanks/\?ref=.+")
ARABIC_THANKS = re.compile(r".*/ar/consultation/thanks/\?ref=.+")


@pytest.fixture
def patient_settings(settings):
    # The browser types faster than a person: don't let the bot timer flag the test patient.
    settings.CONSULTATION_MIN_FILL_SECONDS = 0


def fill_form(page, name="Layla Hassan", phone="050 123 4567", consent=True):
    page.get_by_label("Full name").fill(name)
    page.get_by_role("textbox", name="Phone number").fill(phone)
    page.get_by_label("Message (optional)").fill("Thinning at the crown for a year.")
    if consent:
        page.get_by_label("I agree that Ecla Clinic may call or WhatsApp me").check()
    page.get_by_role("button", name="Request my free consultation").click()


def test_patient_on_a_phone_books_with_a_local_number(
    page, live_server, axe, screenshot, patient_settings
):
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/consultation/")
    assert axe(page) == []
    assert not page.get_by_label("WhatsApp number", exact=True).is_visible()
    screenshot(page, "consultation-form-390")

    fill_form(page)

    page.wait_for_url(THANKS)
    assert page.get_by_role("heading", level=1).inner_text() == "Thank you, we have your request"
    assert axe(page) == []
    assert not has_horizontal_scroll(page)
    screenshot(page, "consultation-thanks-390")
    stored = ConsultationRequest.objects.get()
    assert str(stored.phone) == "+971501234567"
    assert stored.status == ConsultationRequest.Status.NEW


def test_errors_show_beside_the_fields_and_keep_the_answers(
    page, live_server, axe, screenshot, patient_settings
):
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/consultation/")

    fill_form(page, phone="12", consent=False)

    assert page.locator("#id_phone_error").inner_text() == (
        "This doesn’t look like a phone number. Check the digits: for example 050 123 4567, "
        "or +44 20 7946 0000 for a number outside the UAE."
    )
    assert page.locator("#id_consent_error").is_visible()
    assert page.get_by_label("Full name").input_value() == "Layla Hassan"
    assert axe(page) == []
    assert not has_horizontal_scroll(page)
    screenshot(page, "consultation-errors-390")
    assert ConsultationRequest.objects.count() == 0


def test_a_different_whatsapp_number_can_be_given(page, live_server, patient_settings):
    page.goto(f"{live_server.url}/consultation/")

    page.get_by_label("My WhatsApp number is the same as my phone number").uncheck()
    page.get_by_label("WhatsApp number", exact=True).fill("055 765 4321")
    fill_form(page)

    page.wait_for_url(THANKS)
    assert str(ConsultationRequest.objects.get().whatsapp) == "+971557654321"


def test_home_page_form_books_too(page, live_server, patient_settings):
    page.goto(f"{live_server.url}/")

    fill_form(page)

    page.wait_for_url(THANKS)
    assert ConsultationRequest.objects.get().source_path == "/"


def test_front_desk_finds_calls_and_exports_a_request(
    page, live_server, axe, screenshot, patient_settings, front_desk_group, tmp_path
):
    page.goto(f"{live_server.url}/consultation/")
    fill_form(page, name="Layla Hassan", phone="050 123 4567")
    page.wait_for_url(THANKS)
    app = make_authenticator(make_front_desk_user(username="desk", password="front-desk-pass-123"))
    page.context.clear_cookies()
    page.set_viewport_size(DESKTOP)

    page.goto(f"{live_server.url}/admin/")
    page.get_by_label("Username").fill("desk")
    page.get_by_label("Password").fill("front-desk-pass-123")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter your sign-in code")
    assert axe(page) == []
    screenshot(page, "admin-sign-in-code-1280")
    page.get_by_label("Code").fill(app_code(app))
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("link", name="Consultation requests").click()
    page.locator("#searchbar").fill("0501234567")
    page.get_by_role("button", name="Search").click()

    expect(page.locator("#searchbar")).to_have_value("0501234567")
    expect(page.locator(".new-requests")).to_contain_text("1 new request is waiting.")
    assert axe(page) == []
    screenshot(page, "admin-list-1280")
    whatsapp = page.get_by_role("link", name="+971 50 123 4567").nth(1)
    greeting = "?text=Hello%2C%20this%20is%20Ecla%20Clinic"
    assert whatsapp.get_attribute("href").startswith(f"https://wa.me/971501234567{greeting}")
    page.context.route("https://wa.me/**", lambda route: route.fulfill(body="WhatsApp"))
    with page.expect_popup() as popup:
        whatsapp.click()
    assert popup.value.url.startswith(f"https://wa.me/971501234567{greeting}")
    popup.value.close()

    page.get_by_role("link", name="Layla Hassan", exact=True).click()
    page.get_by_label("Status").select_option("contacted")
    page.get_by_label("Staff notes").fill("Called, will visit Tuesday")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    with page.expect_download() as download:
        page.get_by_role("link", name="Export these as CSV").click()
    path = tmp_path / "export.csv"
    download.value.save_as(path)
    (row,) = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")))
    assert (row["Name"], row["Phone"], row["Status"]) == (
        "Layla Hassan",
        "+971501234567",
        "Contacted",
    )
    assert row["Staff notes"] == "Called, will visit Tuesday"


def test_a_double_click_on_send_makes_one_request(page, live_server, patient_settings):
    page.goto(f"{live_server.url}/consultation/")
    page.get_by_label("Full name").fill("Layla Hassan")
    page.get_by_role("textbox", name="Phone number").fill("050 123 4567")
    page.get_by_label("I agree that Ecla Clinic may call or WhatsApp me").check()

    page.get_by_role("button", name="Request my free consultation").dblclick()

    page.wait_for_url(THANKS)
    page.reload()
    assert ConsultationRequest.objects.count() == 1


ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")


def test_a_patient_books_in_arabic_and_the_front_desk_greets_her_in_arabic(
    page, live_server, axe, screenshot, patient_settings, front_desk_group
):
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/ar/consultation/")
    page.locator(".consultation-form [type=submit]").click()

    summary = page.locator(".form-summary")
    expect(summary).to_be_visible()
    assert ARABIC_LETTER.search(summary.inner_text())
    assert ARABIC_LETTER.search(page.locator("#id_name_error").inner_text())
    assert axe(page) == []
    assert not has_horizontal_scroll(page)
    screenshot(page, "consultation-errors-ar-390")

    page.locator("input[name=name]").fill("ليلى حسن")
    page.locator("input[name=phone]").fill("٠٥٠ ١٢٣ ٤٥٦٧")
    page.locator("input[name=consent]").check()
    page.locator(".consultation-form [type=submit]").click()

    page.wait_for_url(ARABIC_THANKS)
    assert ARABIC_LETTER.search(page.get_by_role("heading", level=1).inner_text())
    assert axe(page) == []
    screenshot(page, "consultation-thanks-ar-390")
    stored = ConsultationRequest.objects.get()
    assert (stored.name, str(stored.phone), stored.language) == ("ليلى حسن", "+971501234567", "ar")

    page.context.clear_cookies()
    page.set_viewport_size(DESKTOP)
    sign_in_staff(page, live_server, make_front_desk_user())
    page.goto(f"{live_server.url}/admin/consultations/consultationrequest/")

    row = page.locator("#result_list tbody tr").first
    expect(row.locator(".field-language")).to_have_text("العربية")
    whatsapp = row.locator(".field-whatsapp_link a").get_attribute("href")
    assert whatsapp.startswith("https://wa.me/971501234567?text=")
    assert ARABIC_LETTER.search(unquote(whatsapp))
    screenshot(page, "admin-list-arabic-request-1280")
