"""The clinic's articles on the site (pages/articles.py): the list and each article's page in both
languages from the page cache, their structured data, Open Graph and sitemap entries, the
treatment pages' "Read more" links, and nothing of them anywhere while none is published."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.articles import TREATMENT_PAGES
from ground import page_cache
from pages.contents import PAGES
from tests.content_factories import make_article
from tests.factories import clock_at, dubai
from tests.html import parse
from tests.pages.test_arabic_copy import ALLOWED_LATIN, DASHED_RANGE
from tests.pages.test_arabic_site import text_outside_english_marked_elements
from tests.site_urls import all_page_urls

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("faq_as_migrated")]

SLUG = "preparing-for-your-first-session"
URL = f"/articles/{SLUG}/"


def said(page):
    """The page's text as read: no space before a comma or a full stop an element ends at."""
    return re.sub(r" ([,.،])", r"\1", page.text)


def test_each_treatment_page_an_article_may_concern_is_a_page_of_the_site():
    assert {name for name, _label in TREATMENT_PAGES} <= {page.name for page in PAGES}


def test_while_no_article_is_published_the_list_is_a_404_and_nothing_links_to_it(client):
    make_article(published_at=None, status="draft")

    listing = client.get("/articles/")
    pages = [client.get(url).content.decode() for _code, url in all_page_urls()]

    assert listing.status_code == 404
    assert client.get(URL).status_code == 404
    assert not [page for page in pages if "/articles/" in page]


def test_an_unknown_address_is_a_404_the_page_cache_keeps_nothing_of(client):
    make_article()

    response = client.get("/articles/no-such-article/")

    assert response.status_code == 404
    assert not [key for key in page_cache.store._items if "no-such-article" in key]


def test_the_list_and_the_article_in_english(client):
    make_article()

    listing = parse(client.get("/articles/"))
    page = parse(client.get(URL))

    assert "Preparing for your first session" in listing.text
    assert URL in listing.links
    assert page.h1_count == 1
    assert page.title.startswith("Preparing for your first session |")
    assert page.meta["description"] == "What to do in the week before exosome therapy."
    assert "The week before" in page.text and "Avoid blood thinners." in page.text
    assert "By Sara Ahmed" in said(page) and "1 December 2026" in said(page)
    assert "Medically reviewed by Dr. Omar Haddad, Consultant dermatologist." in said(page)
    assert "Last reviewed on 3 December 2026." in said(page)


def test_the_article_in_arabic_says_it_all_in_arabic(client):
    make_article()

    response = client.get(f"/ar{URL}")
    page = parse(response)

    assert '<html lang="ar" dir="rtl">' in response.content.decode()
    assert "الاستعداد لجلستك الأولى" in page.text
    assert "د. عمر حداد" in page.text and "استشاري الأمراض الجلدية" in page.text
    assert "Sara Ahmed" not in page.text and "Avoid" not in page.text
    assert page.canonical == f"http://testserver/ar{URL}"
    assert page.meta["og:locale"] == "ar_AE"


def test_open_graph_says_it_is_an_article(client):
    make_article()

    page = parse(client.get(URL))

    assert page.meta["og:type"] == "article"
    assert page.meta["og:title"] == "Preparing for your first session"
    assert page.meta["og:description"] == "What to do in the week before exosome therapy."
    assert page.meta["og:url"] == f"http://testserver{URL}"


def test_hreflang_alternates_name_both_languages(client):
    make_article()

    html = client.get(URL).content.decode()

    assert f'hreflang="ar" href="http://testserver/ar{URL}"' in html
    assert f'hreflang="x-default" href="http://testserver{URL}"' in html


def test_the_structured_data_is_a_medical_web_page_and_an_article(client):
    make_article()

    data = {item["@type"]: item for item in parse(client.get(f"/ar{URL}")).json_ld}

    page, article = data["MedicalWebPage"], data["Article"]
    assert page["lastReviewed"] == "2026-12-03"
    assert page["reviewedBy"]["@type"] == "Person"
    assert page["reviewedBy"]["name"] == "د. عمر حداد"
    assert page["reviewedBy"]["hasCredential"]["name"] == "استشاري الأمراض الجلدية"
    assert [about["url"] for about in page["about"]] == [
        "http://testserver/ar/exosome-therapy/",
        "http://testserver/ar/procedure/",
    ]
    assert article["headline"] == "الاستعداد لجلستك الأولى"
    assert article["datePublished"] == "2026-12-01"
    assert article["dateModified"] >= "2026-12-01"
    assert article["author"] == {"@type": "Person", "name": "سارة أحمد"}
    assert article["inLanguage"] == "ar"
    assert "MedicalClinic" in data


def test_the_structured_data_cant_close_its_own_script(client):
    article = make_article(title_en="Hair </script><script>alert(1)</script>")

    response = client.get(f"/articles/{article.slug}/")

    assert response.status_code == 200
    assert "</script><script>alert(1)" not in response.content.decode()
    assert [item["@type"] for item in parse(response).json_ld][1:] == ["MedicalWebPage", "Article"]


def test_the_sitemap_lists_each_article_and_the_list_with_hreflang(client):
    make_article()

    xml = client.get("/sitemap.xml").content.decode()

    locations = re.findall(r"<loc>(.*?)</loc>", xml)
    assert f"http://testserver{URL}" in locations
    assert f"http://testserver/ar{URL}" in locations
    assert "http://testserver/articles/" in locations
    assert f'hreflang="x-default" href="http://testserver{URL}"' in xml
    assert "<lastmod>" in xml


def test_the_sitemap_names_no_article_while_none_shows(client):
    make_article(publish_at=dubai(2027, 1, 1, 9))

    with clock_at(dubai(2026, 12, 7, 9)):
        xml = client.get("/sitemap.xml").content.decode()

    assert "articles" not in xml


def test_the_treatment_pages_it_concerns_link_to_it_in_their_language(client):
    make_article()

    exosomes = parse(client.get("/exosome-therapy/"))
    arabic = parse(client.get("/ar/procedure/"))
    hair_loss = parse(client.get("/hair-loss/"))

    assert URL in exosomes.links and "Read more" in exosomes.text
    assert f"/ar{URL}" in arabic.links and "الاستعداد لجلستك الأولى" in arabic.text
    assert URL not in hair_loss.links


def test_the_footer_links_to_the_list_once_an_article_shows(client):
    make_article(publish_at=dubai(2026, 12, 7, 9))

    with clock_at(dubai(2026, 12, 7, 8)):
        before = parse(client.get("/contact/"))
    with clock_at(dubai(2026, 12, 7, 9)):
        after = parse(client.get("/contact/"))
        listing = client.get("/articles/")

    assert "/articles/" not in before.links
    assert "/articles/" in after.links
    assert listing.status_code == 200


def test_a_kept_article_page_costs_no_query(client):
    make_article()
    client.get(URL)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)

    assert response.status_code == 200
    assert len(queries) == 0


@pytest.mark.parametrize("url", ["/ar/articles/", f"/ar{URL}", "/ar/procedure/"])
def test_the_arabic_article_pages_keep_the_arabic_house_rules(client, url):
    make_article()

    response = client.get(url)
    html = response.content.decode()
    page = parse(response)
    text = f"{page.title} {page.meta['description']} {text_outside_english_marked_elements(html)}"
    tokens = re.findall(r"[A-Za-z0-9][A-Za-z0-9.\-]*", text)

    assert {token.strip(".-") for token in tokens if not re.search(r"\d", token)} <= ALLOWED_LATIN
    assert DASHED_RANGE.findall(page.text) == []
    assert "الأمان" not in page.text
    assert "<bdi>سارة أحمد</bdi>" in html or url == "/ar/procedure/"
