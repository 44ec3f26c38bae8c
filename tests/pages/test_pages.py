from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from content.models import FaqEntry
from content.rich_text import text_of
from tests.html import parse
from tests.site_urls import all_page_urls, page_urls

# Every page reads its words from the database (the passages, content/).
pytestmark = pytest.mark.django_db

PAGES = page_urls()
EVERY_LANGUAGE = [url for _, url in all_page_urls()]


@pytest.fixture
def clinic_contacts(settings):
    settings.CLINIC = {
        **settings.CLINIC,
        "phone": "+971 4 123 4567",
        "whatsapp": "+971 50 123 4567",
    }


@pytest.mark.parametrize("url", EVERY_LANGUAGE)
def test_page_has_one_h1_and_its_own_metadata(client, url):
    response = client.get(url)

    page = parse(response)
    assert response.status_code == 200
    assert page.h1_count == 1
    assert page.title.endswith("| Ecla Clinic")
    assert 50 <= len(page.meta["description"]) <= 170
    assert page.canonical == f"http://testserver{url}"
    assert page.meta["og:title"]
    assert page.meta["og:description"] == page.meta["description"]
    assert page.meta["og:url"] == f"http://testserver{url}"
    assert page.meta["og:image"].startswith("http://testserver/static/")


def test_titles_and_descriptions_are_unique(client):
    pages = [parse(client.get(url)) for url in EVERY_LANGUAGE]

    assert len({page.title for page in pages}) == len(EVERY_LANGUAGE)
    assert len({page.meta["description"] for page in pages}) == len(EVERY_LANGUAGE)


@pytest.mark.parametrize("url", PAGES)
def test_every_page_has_the_footer_and_a_call_to_action(client, url):
    page = parse(client.get(url))

    assert reverse("consultations:form") in page.links
    assert "1128, Al Wasl Road, Umm Suqeim 2, Jumeirah" in page.text
    assert "Monday – Saturday: 10:00 – 22:00" in page.text
    assert "M.O.H. Approval No. VM4QEF25-241024" in page.text
    assert "© Copyright 2024 Ecla Clinic" in page.text
    assert "Results vary from person to person" in page.text


def test_every_internal_link_resolves():
    seen, queue = set(), [reverse("pages:home")]

    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        # A visitor without cookies each time; the language switch redirects to the page.
        response = Client().get(url, follow=True)
        assert response.status_code == 200, f"{url} answered {response.status_code}"
        if response["Content-Type"].startswith("text/html"):
            for href in parse(response).links:
                parts = urlsplit(href)
                if not parts.scheme and not parts.netloc and parts.path:
                    queue.append(parts.path)

    assert set(PAGES) <= seen
    assert {f"/ar{page}" for page in PAGES} <= seen


def test_phone_and_whatsapp_links_are_hidden_until_configured(client):
    page = parse(client.get(reverse("pages:contact")))

    assert not [link for link in page.links if link.startswith(("tel:", "https://wa.me/"))]


def test_configured_phone_and_whatsapp_become_links(client, clinic_contacts):
    page = parse(client.get(reverse("pages:contact")))

    assert "tel:+97141234567" in page.links
    assert "https://wa.me/971501234567" in page.links


@pytest.mark.usefixtures("faq_as_migrated")
def test_faq_answers_are_readable_without_javascript(client):
    response = client.get(reverse("pages:faq"))

    html = response.content.decode()
    entries = FaqEntry.objects.live()
    assert html.count("<details") == len(entries) == 4
    for entry in entries:
        assert f"<summary>{entry.question_en}</summary>" in html
        assert f"<div>{entry.answer_en}</div>" in html
        assert text_of(entry.answer_en) in parse(response).text


def test_procedure_is_an_ordered_list_of_six_steps(client):
    html = client.get(reverse("pages:procedure")).content.decode()

    steps = html.split('<ol class="steps">', 1)[1].split("</ol>", 1)[0]
    assert steps.count("<li>") == 6


def test_treatments_are_compared_in_a_real_table(client):
    html = client.get(reverse("pages:treatments-compared")).content.decode()

    assert "<table" in html
    assert "<caption" in html
    for treatment in ("FUE", "PRP", "Minoxidil", "Exosome"):
        assert treatment in html.split("<table", 1)[1].split("</table>", 1)[0]


def test_privacy_page_states_the_retention_period_from_settings(client, settings):
    settings.CONSULTATION_RETENTION_DAYS = 180

    page = parse(client.get(reverse("pages:privacy")))

    assert "deleted automatically 180 days after they arrive" in page.text


@pytest.mark.parametrize(
    ("url", "text"),
    [
        ("/privacy/", "Copies in our backups are deleted 35 days after they are made"),
        ("/ar/privacy/", "تُحذف النسخ الاحتياطية بعد 35 يومًا من إنشائها"),
    ],
)
def test_privacy_page_states_how_long_backups_are_kept(client, settings, url, text):
    settings.BACKUP_RETENTION_DAYS = 35

    page = parse(client.get(url))

    assert text in page.text


def test_unknown_page_is_a_friendly_404_with_contact_details(client):
    response = client.get("/no-such-page/")

    page = parse(response)
    assert response.status_code == 404
    assert page.h1_count == 1
    assert "1128, Al Wasl Road" in page.text
    assert page.meta["robots"] == "noindex"
