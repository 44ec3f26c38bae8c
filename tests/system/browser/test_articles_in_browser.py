"""The clinic publishes an article and a price in a real browser (issue 28): a Clinic manager
writes an article in the admin, English and Arabic side by side, submits and publishes it; it is
then on its page, in the list and under "Read more" on the treatment pages it concerns, in both
languages, at a phone's width and a desktop's, axe clean. A published price shows on the cost
page. The admin's screens of both pass axe and fit a phone in English and Arabic."""

import pytest
from playwright.sync_api import expect

from content.models import Article
from tests.content_factories import ARTICLE_WORDS, make_article, make_clinic_manager, make_price
from tests.system.browser.conftest import DESKTOP, PHONE, has_horizontal_scroll, sign_in_staff

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("empty_cache", "front_desk_group", "faq_as_migrated"),
]

SLUG = "preparing-for-your-first-session"
LABELS = {
    "Title": "title",
    "Summary": "summary",
    "Article": "body",
    "Author": "author",
    "Reviewed by": "reviewer",
    "Reviewer's credentials": "credentials",
}
BODY_EN = (
    "<h2>The week before</h2>\n\nAvoid blood thinners.\n\n<h3>On the day</h3>\n\nWash your hair."
)
BODY_AR = "<h2>الأسبوع السابق</h2>\n\nتجنّب مميّعات الدم.\n\n<h3>في يوم العلاج</h3>\n\nاغسل شعرك."


def write_the_article(page, live_server):
    page.goto(f"{live_server.url}/admin/content/article/add/")
    for label, name in LABELS.items():
        for language, code in (("English", "en"), ("Arabic", "ar")):
            value = ARTICLE_WORDS[f"{name}_{code}"]
            if name == "body":
                value = BODY_EN if code == "en" else BODY_AR
            page.get_by_label(f"{label} ({language})").fill(value)
    page.get_by_label("Publication date").fill("2026-12-01")
    page.get_by_label("Last reviewed").fill("2026-12-03")
    page.get_by_label("Exosome therapy").check()
    page.get_by_label("The procedure and aftercare").check()


@pytest.mark.looks
def test_a_published_article_reads_well_in_both_languages_on_a_phone_and_a_desktop(
    page, live_server, axe, screenshot, csp_problems
):
    sign_in_staff(page, live_server, make_clinic_manager())
    write_the_article(page, live_server)
    page.get_by_role("button", name="Save and submit for review").click()
    expect(page.locator(".messagelist")).to_contain_text("Submitted for review")
    before = page.request.get(f"{live_server.url}/articles/{SLUG}/").status
    page.get_by_role("button", name="Approve and publish").click()
    expect(page.locator(".messagelist")).to_contain_text("Published")
    make_price()
    make_price(
        position=0, name_en="Consultation", name_ar="الاستشارة", amount_from=300, amount_to=None
    )

    found, seen = {}, {}
    for language, prefix in (("en", ""), ("ar", "/ar")):
        for size_name, size in (("390", PHONE), ("1280", DESKTOP)):
            page.set_viewport_size(size)
            for name, path in (
                ("article", f"/articles/{SLUG}/"),
                ("articles", "/articles/"),
                ("exosome-therapy", "/exosome-therapy/"),
                ("cost-and-safety", "/cost-and-safety/"),
            ):
                response = page.goto(f"{live_server.url}{prefix}{path}")
                problems = [*csp_problems, *axe(page)]
                csp_problems.clear()
                if response.status != 200:
                    problems.append(f"answered {response.status}")
                if has_horizontal_scroll(page):
                    problems.append("scrolls sideways")
                if problems:
                    found[f"{prefix}{path} at {size_name}"] = problems
                seen[(language, name)] = page.locator("main").inner_text()
                screenshot(page, f"articles-{name}-{language}-{size_name}")

    assert before == 404
    assert Article.objects.get().status == "published"
    assert found == {}
    assert "On the day" in seen[("en", "article")] and "Wash your hair." in seen[("en", "article")]
    assert "في يوم العلاج" in seen[("ar", "article")]
    assert "Medically reviewed by Dr. Omar Haddad" in seen[("en", "article")]
    assert "Read more" in seen[("en", "exosome-therapy")]
    assert "اقرأ المزيد" in seen[("ar", "exosome-therapy")]
    assert "AED 1,500 to 2,500" in seen[("en", "cost-and-safety")]
    assert "من 1500 إلى 2500 درهم" in seen[("ar", "cost-and-safety")]


ADMIN_SCREENS = [
    "/admin/content/article/",
    "/admin/content/article/add/",
    "/admin/content/article/{article}/change/",
    "/admin/content/price/add/",
    "/admin/content/price/{price}/change/",
    "/preview/article/{article}/",
    "/preview/price/{price}/",
]


@pytest.mark.looks
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_article_and_price_screens_pass_axe_and_fit_a_phone(
    page, live_server, axe, screenshot, csp_problems, language
):
    article = make_article(published_at=None, status="draft")
    price = make_price(published_at=None, status="draft")
    sign_in_staff(page, live_server, make_clinic_manager())
    if language == "ar":
        page.goto(f"{live_server.url}/admin/")
        page.locator(".admin-language button").click()

    found = {}
    for size_name, size in (("390", PHONE), ("1280", DESKTOP)):
        page.set_viewport_size(size)
        for screen in ADMIN_SCREENS:
            url = screen.format(article=article.pk, price=price.pk)
            if url.startswith("/preview/") and language == "ar":
                url = f"/ar{url}"
            page.goto(f"{live_server.url}{url}")
            problems = [*csp_problems, *axe(page)]
            csp_problems.clear()
            if has_horizontal_scroll(page):
                problems.append("scrolls sideways")
            if problems:
                found[f"{url} at {size_name}"] = problems
        page.goto(f"{live_server.url}/admin/content/article/{article.pk}/change/")
        screenshot(page, f"articles-editor-{language}-{size_name}")
        page.goto(f"{live_server.url}/admin/content/price/{price.pk}/change/")
        screenshot(page, f"prices-editor-{language}-{size_name}")

    assert found == {}
