"""The clinic edits its own words in a real browser (issue 28's first slice): an Editor changes an
FAQ answer in both languages, previews and submits it; a Clinic manager approves it and it is live
on /faq/ and /ar/faq/; a revert puts the old words back; a flagged claim waits for the manager's
tick; an Eid notice scheduled a few seconds ahead appears and goes by itself. The editor's screens
(the FAQ's, the notices', the pages' passages' and the contact details') pass axe, keep the
Content-Security-Policy and fit a phone, in English and Arabic."""

import re
import time
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from content.models import FaqEntry, Notice, Passage
from tests.content_factories import (
    make_clinic_manager,
    make_contact_details,
    make_editor,
    make_notice,
)
from tests.system.browser.conftest import DESKTOP, PHONE, has_horizontal_scroll, sign_in_staff

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("empty_cache", "front_desk_group", "faq_as_migrated"),
]

NEW_EN = "Most patients need two sessions, three months apart."
NEW_AR = "يحتاج معظم المرضى إلى جلستين تفصل بينهما ثلاثة أشهر."
OLD_EN = "Typically, 1–2 sessions are recommended"
OLD_AR = "يُوصى عادةً بجلسة أو جلستين"


@pytest.fixture
def manager_page(browser, live_server):
    """A second browser of its own for the Clinic manager, beside the editor's `page`."""
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(10_000)
    sign_in_staff(page, live_server, make_clinic_manager())
    yield page
    context.close()


def entry_url(live_server, question):
    pk = FaqEntry.objects.get(question_en=question).pk
    return f"{live_server.url}/admin/content/faqentry/{pk}/change/"


def public_text(browser, url):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url)
        return page.locator("main").inner_text()
    finally:
        context.close()


def test_the_editor_and_the_approver_publish_an_answer_and_a_revert_puts_it_back(
    page, manager_page, browser, live_server
):
    sign_in_staff(page, live_server, make_editor())
    page.goto(f"{live_server.url}/admin/content/faqentry/")
    page.get_by_role("link", name="How many sessions are needed?").click()
    page.get_by_label("Answer (English)").fill(NEW_EN)
    page.get_by_label("Answer (Arabic)").fill(NEW_AR)
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messagelist")).to_contain_text("changed successfully")
    page.get_by_role("link", name="Preview in Arabic").click()
    page.wait_for_url(re.compile(r"/ar/preview/faq/\d+/$"))
    preview_ar = page.locator("main").inner_text()
    page.go_back()
    page.get_by_role("link", name="Preview in English").click()
    page.wait_for_url(re.compile(r"://[^/]+/preview/faq/\d+/$"))
    preview_en = page.locator("main").inner_text()
    page.go_back()
    page.get_by_role("button", name="Save and submit for review").click()
    expect(page.locator(".messagelist")).to_contain_text("Submitted for review")
    live_before = public_text(browser, f"{live_server.url}/faq/")

    manager_page.goto(entry_url(live_server, "How many sessions are needed?"))
    manager_page.get_by_role("button", name="Approve and publish").click()
    expect(manager_page.locator(".messagelist")).to_contain_text("Published")
    published_en = public_text(browser, f"{live_server.url}/faq/")
    published_ar = public_text(browser, f"{live_server.url}/ar/faq/")
    manager_page.get_by_role("link", name="History").click()
    manager_page.get_by_role("row", name="Moved from the site's code").get_by_role(
        "button", name="Put this version live again"
    ).click()
    expect(manager_page.locator(".messagelist")).to_contain_text("is live again")
    reverted_en = public_text(browser, f"{live_server.url}/faq/")
    reverted_ar = public_text(browser, f"{live_server.url}/ar/faq/")

    assert NEW_AR in preview_ar and "Preview of a draft" in preview_en and NEW_EN in preview_en
    assert OLD_EN in live_before and NEW_EN not in live_before
    assert NEW_EN in published_en and NEW_AR in published_ar
    assert OLD_EN in reverted_en and OLD_AR in reverted_ar and NEW_EN not in reverted_en


def test_a_flagged_claim_blocks_approval_until_the_approver_stands_by_it(
    page, manager_page, live_server
):
    sign_in_staff(page, live_server, make_editor())
    url = entry_url(live_server, "Are there any side effects?")
    page.goto(url)
    warnings = page.locator(".copy-warnings").inner_text()
    page.get_by_role("button", name="Save and submit for review").click()
    expect(page.locator(".messagelist")).to_contain_text("Submitted for review")

    manager_page.goto(url)
    manager_page.get_by_role("button", name="Approve and publish").click()
    refused = manager_page.locator(".errorlist.nonfield").inner_text()
    manager_page.get_by_label("The clinic stands by these claims").check()
    manager_page.get_by_role("button", name="Approve and publish").click()
    expect(manager_page.locator(".messagelist")).to_contain_text("Published")

    assert "Side effects are rare" in warnings and "الآثار الجانبية نادرة" in warnings
    assert "flagged claims wait for the clinic's decision" in refused
    entry = FaqEntry.objects.get(question_en="Are there any side effects?")
    assert entry.claims_stood_by_user.username == "manager"
    assert "The clinic stands by it (ticked by manager" in manager_page.content()


def test_an_eid_notice_scheduled_ahead_appears_and_goes_by_itself(
    manager_page, browser, live_server
):
    # Whole seconds: the form keeps seconds, not their fractions.
    # Ahead enough for the two steps in the admin under CI's load, short enough to wait for.
    starts = (timezone.localtime() + timedelta(seconds=10)).replace(microsecond=0)
    ends = starts + timedelta(seconds=5)
    manager_page.goto(f"{live_server.url}/admin/content/notice/add/")
    manager_page.get_by_label("Name").fill("Eid al-Adha")
    manager_page.get_by_label("Notice (English)").fill("Closed for Eid al-Adha.")
    manager_page.get_by_label("Notice (Arabic)").fill("العيادة مغلقة بمناسبة عيد الأضحى.")
    manager_page.get_by_label("Shown from").fill(f"{starts:%Y-%m-%dT%H:%M:%S}")
    manager_page.get_by_label("Shown until").fill(f"{ends:%Y-%m-%dT%H:%M:%S}")
    manager_page.get_by_role("button", name="Save and submit for review").click()
    expect(manager_page.locator(".messagelist")).to_contain_text("Submitted for review")
    manager_page.get_by_role("button", name="Approve and publish").click()
    expect(manager_page.locator(".messagelist")).to_contain_text("Published")

    def seconds():  # from `starts`
        return (timezone.localtime() - starts).total_seconds()

    # Each reading on its own clock: under CI's load one page takes a second or two to read,
    # so a reading is judged by whether it was wholly before, overlapping or wholly after the
    # five seconds the notice shows.
    seen = []  # (language, seconds from `starts` before reading, after, shown)
    while timezone.localtime() < ends + timedelta(seconds=1):
        for language, path, words in READINGS:
            before = seconds()
            shown = words in public_text(browser, f"{live_server.url}{path}")
            seen.append((language, before, seconds(), shown))
        time.sleep(0.5)

    assert Notice.objects.get().status == "published"
    assert any(after < 0 for _language, _before, after, _shown in seen), "published after its start"
    assert not any(shown for _language, _before, after, shown in seen if after < 0), seen
    for language in ("en", "ar"):
        assert any(
            shown
            for read_in, before, after, shown in seen
            if read_in == language and after >= 0 and before < 5
        ), seen
    assert not any(shown for _language, before, _after, shown in seen if before >= 5), seen


READINGS = [("en", "/faq/", "Closed for Eid al-Adha."), ("ar", "/ar/", "عيد الأضحى")]


EDITOR_SCREENS = [
    "/admin/content/faqentry/",
    "/admin/content/faqentry/{entry}/change/",
    "/admin/content/faqentry/{entry}/history/",
    "/admin/content/faqentry/add/",
    "/admin/content/notice/add/",
    "/preview/faq/{entry}/",
    "/preview/notice/{notice}/",
    "/admin/content/passage/?page=cost-and-safety",
    "/admin/content/passage/{passage}/change/",
    "/preview/passage/{passage}/",
    "/admin/content/contactdetails/{contact}/change/",
    "/admin/content/contactdetails/{contact}/history/",
    "/preview/contact/{contact}/",
]


@pytest.mark.looks
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_editors_screens_pass_axe_and_fit_a_phone(
    page, live_server, axe, screenshot, csp_problems, language
):
    entry = FaqEntry.objects.get(question_en="Are there any side effects?")
    notice = make_notice(published_at=None, status="draft")
    passage = Passage.objects.get(key="cost-and-safety.safety.source-material")
    contact = make_contact_details(draft_phone="+971 4 555 0177")
    sign_in_staff(page, live_server, make_clinic_manager())
    if language == "ar":
        page.goto(f"{live_server.url}/admin/")
        page.locator(".admin-language button").click()

    found = {}
    for size_name, size in (("390", PHONE), ("1280", DESKTOP)):
        page.set_viewport_size(size)
        for screen in EDITOR_SCREENS:
            url = screen.format(
                entry=entry.pk, notice=notice.pk, passage=passage.pk, contact=contact.pk
            )
            if url.startswith("/preview/") and language == "ar":
                url = f"/ar{url}"
            page.goto(f"{live_server.url}{url}")
            page.evaluate("() => new Promise(resolve => setTimeout(resolve, 50))")
            problems = [*csp_problems, *axe(page)]
            csp_problems.clear()
            if has_horizontal_scroll(page):
                problems.append("scrolls sideways")
            if problems:
                found[f"{url} at {size_name}"] = problems
        page.goto(f"{live_server.url}/admin/content/faqentry/{entry.pk}/history/")
        screenshot(page, f"content-history-{language}-{size_name}")
        prefix = "/ar" if language == "ar" else ""
        page.goto(f"{live_server.url}{prefix}/preview/notice/{notice.pk}/")
        screenshot(page, f"content-notice-preview-{language}-{size_name}")
        page.goto(f"{live_server.url}/admin/content/faqentry/{entry.pk}/change/")
        screenshot(page, f"content-editor-{language}-{size_name}")
        page.goto(f"{live_server.url}/admin/content/passage/{passage.pk}/change/")
        screenshot(page, f"content-passage-{language}-{size_name}")
        page.goto(f"{live_server.url}/admin/content/passage/?page=cost-and-safety")
        screenshot(page, f"content-passages-{language}-{size_name}")
        page.goto(f"{live_server.url}{prefix}/preview/passage/{passage.pk}/")
        screenshot(page, f"content-passage-preview-{language}-{size_name}")
        page.goto(f"{live_server.url}/admin/content/contactdetails/{contact.pk}/change/")
        screenshot(page, f"content-contact-{language}-{size_name}")
        page.goto(f"{live_server.url}{prefix}/preview/contact/{contact.pk}/")
        screenshot(page, f"content-contact-preview-{language}-{size_name}")

    assert found == {}
