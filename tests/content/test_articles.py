"""The clinic's articles and prices as content (content/articles.py, content/prices.py): an
address from the English title that never names the row's number, both languages needed to
publish, the copy rules on every word, and what live.py reads of them."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content import live
from content.models import Article
from tests.content_factories import make_article, make_price
from tests.factories import clock_at, dubai

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("faq_as_migrated")]


def test_an_articles_address_is_its_english_title_never_its_number():
    first = make_article(published_at=None, status="draft")
    second = make_article(published_at=None, status="draft")

    assert first.slug == "preparing-for-your-first-session"
    assert second.slug == "preparing-for-your-first-session-2"
    assert str(first.pk) not in first.slug.split("-")


def test_two_editors_saving_the_same_title_at_once_both_get_an_address(monkeypatch):
    """The other's article is stored between this one's look for a free address and its save:
    the unique address refuses it, and the next free one is taken, not the admin's error page."""
    first = make_article(published_at=None, status="draft")
    looked_before_the_other_saved = iter([first.slug])
    real = Article.free_slug
    monkeypatch.setattr(
        Article,
        "free_slug",
        lambda self, wanted: next(looked_before_the_other_saved, None) or real(self, wanted),
    )

    second = make_article(published_at=None, status="draft")

    assert second.slug == "preparing-for-your-first-session-2"
    assert Article.objects.count() == 2


def test_the_address_follows_the_title_until_the_article_is_live_then_stays():
    draft = Article.objects.create(draft_title_ar="مقال")
    assert draft.slug == "article"

    draft.draft_title_en = "Side effects, explained"
    draft.save()
    assert draft.slug == "side-effects-explained"

    live_article = make_article()
    live_article.draft_title_en = "A new title"
    live_article.save()
    assert live_article.slug == "preparing-for-your-first-session"


def test_an_article_needs_both_languages_of_every_text_to_be_published():
    article = make_article(published_at=None, status="draft")
    article.draft_credentials_ar = ""
    article.draft_body_ar = ""

    assert article.missing() == ["body_ar", "credentials_ar"]


def test_the_copy_rules_read_an_articles_title_summary_and_body():
    article = make_article(draft_body_en="<p>Guaranteed results for everyone.</p>")

    assert [flag.code for flag in article.flags()] == ["guarantee"]


def test_the_copy_rules_read_a_prices_words():
    price = make_price(draft_includes_en="<p>Guaranteed results in one session.</p>")

    assert [flag.code for flag in price.flags()] == ["guarantee"]


def test_a_price_range_must_end_above_where_it_starts():
    price = make_price(draft_amount_from=2500, draft_amount_to=1500)

    with pytest.raises(ValidationError):
        price.clean()


def test_articles_and_prices_are_read_live_only_newest_first_without_drafts():
    older = make_article(draft_title_en="A draft title")
    newer = make_article(title_en="Aftercare", published_on=date(2026, 12, 4))
    make_article(title_en="Never published", published_at=None, status="draft")
    make_article(title_en="Lacks its Arabic", title_ar="")
    make_price()

    with CaptureQueriesContext(connection) as queries:
        content = live.read()

    assert [article.slug for article in content.articles] == [newer.slug, older.slug]
    assert content.articles[1].title_en == "Preparing for your first session"
    assert content.articles[0].body_en == "<h2>The week before</h2><p>Avoid blood thinners.</p>"
    assert [price.amount_to for price in content.prices] == [2500]
    assert len(queries) == 6  # the FAQ, notices, articles, prices, passages, contact details


def test_an_article_goes_live_at_its_moment_by_itself():
    make_article(publish_at=dubai(2026, 12, 7, 9))

    with clock_at(dubai(2026, 12, 7, 8, 59)):
        before, edition_before = live.articles_now(), live.edition()
    with clock_at(dubai(2026, 12, 7, 9)):
        after, edition_after = live.articles_now(), live.edition()

    assert before == ()
    assert [article.title_en for article in after] == ["Preparing for your first session"]
    assert edition_before != edition_after


def test_an_articles_dates_without_a_publication_date_are_the_day_it_went_live():
    make_article(published_on=None, publish_at=dubai(2026, 12, 7, 9), last_reviewed_on=None)

    (article,) = live.read().articles

    assert article.published_on == date(2026, 12, 7)
    assert article.last_reviewed_on is None
    assert article.modified_on >= article.published_on
