"""The pages' words are the clinic's published passages (pages/passages.py, content/): every key a
template names exists once migrated, in both languages; a key that doesn't stops the page in
DEBUG and is logged in production; a page is never rendered, nor kept, from content never read."""

import re
import time
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.db import OperationalError
from django.template import Context, Template
from django.test import Client

from content import live
from content.models import Passage
from ground import page_cache
from pages.contents import PAGES
from pages.passages import MissingPassage
from tests.html import parse
from tests.site_urls import all_page_urls

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "templates"
NAMED = re.compile(r"""\{% passage(?:_text)? "([^"]+)" """)
IN_SCOPE = ("home", "hair-loss", "exosome-therapy", "treatments-compared", "procedure")
IN_SCOPE += ("cost-and-safety", "contact")


def keys_in(template):
    return NAMED.findall((TEMPLATES / template).read_text())


def named_keys():
    return {key: page.name for page in PAGES for key in keys_in(page.template)}


def page_text(path, client=None):
    return " ".join(parse((client or Client()).get(path)).text.split())


def test_every_key_a_template_names_is_a_published_passage_of_that_page():
    named = named_keys()
    published = dict(Passage.objects.live().values_list("key", "page"))

    assert len(named) > 200
    assert {key: published.get(key) for key in named} == named
    assert {page for page in named.values()} == set(IN_SCOPE)


def test_every_passage_the_migration_made_is_named_by_a_template():
    assert set(Passage.objects.values_list("key", flat=True)) == set(named_keys())


@pytest.mark.parametrize("url", [url for _, url in all_page_urls()])
def test_each_page_renders_in_both_languages_with_no_passage_missing(url, caplog):
    response = Client().get(url)

    assert response.status_code == 200
    assert "No published passage has the key" not in caplog.text


def test_a_page_shows_its_passages_in_the_pages_language():
    english, arabic = page_text("/cost-and-safety/"), page_text("/ar/cost-and-safety/")

    assert "Safety profile" in english and "ملف السلامة" not in english
    assert "ملف السلامة" in arabic and "Safety profile" not in arabic


def render(source, **context):
    return Template("{% load passages %}" + source).render(Context(context))


def test_a_missing_key_stops_the_page_in_debug(settings):
    settings.DEBUG = True

    with pytest.raises(MissingPassage, match=r"home\.no-such-words"):
        render('{% passage "home.no-such-words" %}')


def test_a_missing_key_in_production_is_logged_and_shows_nothing(settings, caplog):
    settings.DEBUG = False

    html = render('<p>{% passage "home.no-such-words" %}</p>')

    assert html == "<p></p>"
    assert "No published passage has the key 'home.no-such-words'" in caplog.text
    assert caplog.records[-1].levelname == "ERROR"


def test_a_passage_as_plain_text_is_escaped_for_an_attribute():
    Passage.objects.filter(key="home.hero.illustration").update(
        text_en='Follicles <strong>"signalled"</strong> & more'
    )
    live.forget()

    html = render('<img alt="{% passage_text "home.hero.illustration" %}">')

    assert html == '<img alt="Follicles &quot;signalled&quot; &amp; more">'


def test_a_published_change_shows_on_the_cached_page_in_both_languages():
    page_text("/cost-and-safety/"), page_text("/ar/cost-and-safety/")
    passage = Passage.objects.get(key="cost-and-safety.safety.heading")
    passage.text_en, passage.text_ar = "How safe it is", "مدى السلامة"
    passage.save()

    english, arabic = page_text("/cost-and-safety/"), page_text("/ar/cost-and-safety/")

    assert "How safe it is" in english and "Safety profile" not in english
    assert "مدى السلامة" in arabic


def test_the_edition_compares_the_same_passages_without_reading_them_again():
    first = live.edition()

    with mock.patch.object(live.published, "read", side_effect=AssertionError("read")):
        again = live.edition()

    assert again == first
    assert again[1] is first[1]  # the same passages: compared at once


@pytest.mark.parametrize("url", ["/", "/ar/procedure/", "/faq/", "/contact/"])
def test_a_page_is_503_with_the_clinics_contacts_while_the_content_was_never_read(url, settings):
    settings.CLINIC = {**settings.CLINIC, "phone": "+971 4 123 4567"}
    live.published.clear()  # this process has read nothing yet

    with mock.patch.object(live.published, "read", side_effect=OperationalError("away")):
        response = Client().get(url)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "+971 4 123 4567" in response.content.decode()
    assert page_cache.store._items == {}


def test_once_the_database_is_back_the_page_is_rendered_with_its_words():
    live.published.clear()
    with mock.patch.object(live.published, "read", side_effect=OperationalError("away")):
        away = Client().get("/procedure/")
    later = time.monotonic() + live.RETRY_SECONDS + 1

    with mock.patch("ground.kept.time.monotonic", return_value=later):
        back = Client().get("/procedure/")

    assert away.status_code == 503
    assert back.status_code == 200
    assert "The exosome injection procedure" in parse(back).text


def test_the_last_read_stands_in_while_the_database_is_away():
    page_text("/hair-loss/")
    later = time.monotonic() + live.KEPT_SECONDS + 1
    page_cache.store.clear()

    with (
        mock.patch("ground.kept.time.monotonic", return_value=later),
        mock.patch.object(live.published, "read", side_effect=OperationalError("away")),
    ):
        response = Client().get("/hair-loss/")

    assert response.status_code == 200
    assert "Androgenetic alopecia" in parse(response).text


def test_a_save_in_this_process_then_the_database_away_still_shows_the_last_read():
    """A save makes this process read again at once; if that read fails, the words it read last
    stand in (never the clinic's error page for content it had)."""
    page_text("/hair-loss/")
    page_cache.store.clear()
    Passage.objects.get(key="contact.title").save()  # post_save: read again at the next page

    with mock.patch.object(live.published, "read", side_effect=OperationalError("away")):
        response = Client().get("/hair-loss/")

    assert response.status_code == 200
    assert "Androgenetic alopecia" in parse(response).text
