import pytest

from tests.site_urls import LANGUAGE_CODES, PAGE_NAMES, page_urls
from tests.system.browser.conftest import DESKTOP, PHONE, has_horizontal_scroll

PAGES = [
    (f"{name.split(':')[1]}-{code}", url)
    for code in LANGUAGE_CODES
    for name, url in zip(PAGE_NAMES, page_urls(code), strict=True)
]


@pytest.mark.looks
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize(("name", "url"), PAGES, ids=[name for name, _ in PAGES])
def test_page_fits_the_screen_and_passes_axe(
    page, live_server, axe, screenshot, name, url, viewport
):
    page.set_viewport_size(viewport)

    response = page.goto(live_server.url + url)

    assert response.status == 200
    assert not has_horizontal_scroll(page)
    assert axe(page) == []
    screenshot(page, f"{name}-{viewport['width']}")


@pytest.mark.django_db(transaction=True)
def test_page_makes_no_request_to_another_host(page, live_server):
    hosts = set()
    page.on("request", lambda request: hosts.add(request.url.split("/")[2]))

    for _, url in PAGES:
        page.goto(live_server.url + url)

    assert hosts == {live_server.url.split("/")[2]}


@pytest.mark.django_db(transaction=True)
def test_every_page_is_reachable_with_the_keyboard_on_a_phone(page, live_server):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/")
    reached = set()

    for _ in range(60):
        page.keyboard.press("Tab")
        href = page.evaluate("() => document.activeElement.getAttribute('href')")
        if href:
            reached.add(href)

    assert set(page_urls()) <= reached


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("faq_as_migrated")
def test_faq_answer_opens_with_the_keyboard(page, live_server):
    page.goto(live_server.url + "/faq/")
    second = page.locator("details").nth(1)
    assert not second.evaluate("el => el.open")

    second.locator("summary").focus()
    page.keyboard.press("Enter")

    assert second.evaluate("el => el.open")
    assert second.get_by_text("mild redness").is_visible()
