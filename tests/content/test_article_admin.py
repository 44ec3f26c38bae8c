"""The clinic writes articles and prices in the admin as it does its FAQ (content/admin.py): an
Editor drafts and submits, both languages side by side, a Clinic manager publishes; a claim the
copy rules flag waits for the manager; every step is on the access trail."""

import pytest
from django.test import Client
from django.urls import reverse

from audit.models import AccessEvent
from content.models import Article, Price
from tests.content_factories import (
    ARTICLE_WORDS,
    change_url,
    make_clinic_manager,
    make_editor,
    signed_in,
)
from tests.factories import make_front_desk_user
from tests.html import parse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache", "faq_as_migrated")]


def article_form(button=None, **changes):
    data = {f"draft_{name}": value for name, value in ARTICLE_WORDS.items()}
    data.update(draft_published_on="2026-12-01", draft_last_reviewed_on="2026-12-03")
    data.update(draft_publish_at="", draft_pages=["exosome-therapy", "procedure"])
    data.update(changes)
    if button:
        data[button] = "1"
    return data


def price_form(button=None, **changes):
    data = {
        "draft_name_en": "Exosome session",
        "draft_name_ar": "جلسة الإكسوسومات",
        "draft_includes_en": "One session and a follow-up call.",
        "draft_includes_ar": "جلسة واحدة ومكالمة متابعة.",
        "draft_amount_from": "1500",
        "draft_amount_to": "2500",
        "draft_position": "1",
    }
    data.update(changes)
    if button:
        data[button] = "1"
    return data


def test_the_article_form_shows_english_and_arabic_side_by_side_arabic_right_to_left():
    editor = signed_in(make_editor())

    html = editor.get(reverse("admin:content_article_add")).content.decode()

    assert 'class="module aligned content-pairs"' in html
    assert 'name="draft_body_ar"' in html and 'dir="rtl" lang="ar"' in html
    assert 'type="checkbox" name="draft_pages" value="exosome-therapy"' in html
    assert 'type="date" name="draft_published_on"' in html


def test_an_editor_writes_and_submits_an_article_and_the_manager_publishes_it():
    editor, manager = signed_in(make_editor()), signed_in(make_clinic_manager())

    added = editor.post(reverse("admin:content_article_add"), article_form("_submit"))
    article = Article.objects.get()
    before = Client().get(f"/articles/{article.slug}/")
    approved = manager.post(change_url(article), article_form("_approve"))
    article.refresh_from_db()
    after = parse(Client().get(f"/articles/{article.slug}/"))

    assert added.status_code == 302 and before.status_code == 404
    assert approved.status_code == 302
    assert article.status == "published" and article.slug == "preparing-for-your-first-session"
    assert article.pages == ["exosome-therapy", "procedure"]
    assert article.body_en == "<h2>The week before</h2><p>Avoid blood thinners.</p>"
    assert "Avoid blood thinners." in after.text
    events = AccessEvent.objects.about(Article, [article.pk]).order_by("pk")
    assert [(event.username, event.action) for event in events] == [
        ("editor", "submitted"),
        ("manager", "published"),
    ]


def test_an_article_lacking_its_arabic_credentials_cant_be_submitted():
    editor = signed_in(make_editor())

    response = editor.post(
        reverse("admin:content_article_add"), article_form("_submit", draft_credentials_ar="")
    )

    assert "Missing: Reviewer's credentials (Arabic)" in " ".join(parse(response).text.split())
    assert not Article.objects.exists()


def test_a_claim_in_an_article_waits_for_the_manager():
    editor, manager = signed_in(make_editor()), signed_in(make_clinic_manager())
    body = "<p>Guaranteed results after one session.</p>"
    editor.post(reverse("admin:content_article_add"), article_form("_submit", draft_body_en=body))
    article = Article.objects.get()

    refused = manager.post(change_url(article), article_form("_approve", draft_body_en=body))

    assert "2 flagged claims wait for the clinic's decision" in parse(refused).text
    assert Article.objects.get().published_at is None


def test_a_price_is_written_submitted_and_published_and_shows_on_the_cost_page():
    editor, manager = signed_in(make_editor()), signed_in(make_clinic_manager())

    editor.post(reverse("admin:content_price_add"), price_form("_submit"))
    price = Price.objects.get()
    manager.post(change_url(price), price_form("_approve"))
    page = parse(Client().get("/cost-and-safety/"))

    assert Price.objects.get().status == "published"
    assert "Exosome session" in page.text and "AED 1,500 to 2,500" in page.text


def test_a_price_claim_is_flagged_when_it_is_saved():
    editor = signed_in(make_editor())
    words = "Guaranteed results in one session."

    response = editor.post(
        reverse("admin:content_price_add"), price_form(draft_includes_en=words), follow=True
    )

    assert "The copy rules flagged a claim" in parse(response).text


def test_a_price_range_must_end_above_where_it_starts():
    editor = signed_in(make_editor())

    response = editor.post(reverse("admin:content_price_add"), price_form(draft_amount_to="1000"))

    assert "The range must end above where it starts." in parse(response).text
    assert not Price.objects.exists()


def test_the_front_desk_sees_neither_articles_nor_prices():
    desk = signed_in(make_front_desk_user())

    articles = desk.get(reverse("admin:content_article_changelist"))
    prices = desk.get(reverse("admin:content_price_changelist"))

    assert (articles.status_code, prices.status_code) == (403, 403)


def test_the_changes_to_approve_name_the_pages_and_the_address_in_the_admins_words():
    manager = signed_in(make_clinic_manager())
    manager.post(reverse("admin:content_article_add"), article_form("_submit"))

    text = " ".join(parse(manager.get(change_url(Article.objects.get()))).text.split())

    assert "Exosome therapy, The procedure and aftercare" in text
    assert "Page address: /articles/preparing-for-your-first-session/" in text


def test_an_articles_history_shows_its_changes_and_a_revert_puts_its_pages_and_dates_back():
    manager = signed_in(make_clinic_manager())
    manager.post(reverse("admin:content_article_add"), article_form("_submit"))
    article = Article.objects.get()
    manager.post(change_url(article), article_form("_approve"))
    changed = {"draft_pages": ["hair-loss"], "draft_last_reviewed_on": "2027-01-05"}
    manager.post(change_url(article), article_form("_submit", **changed))
    manager.post(change_url(article), article_form("_approve", **changed))
    first = article.history.filter(history_change_reason="published").order_by("pk").first()

    history = manager.get(reverse("admin:content_article_history", args=[article.pk]))
    reverted = manager.post(
        reverse("admin:content_article_revert", args=[article.pk, first.history_id])
    )

    article.refresh_from_db()
    assert history.status_code == 200
    assert "Understanding hair loss" in history.content.decode()
    assert reverted.status_code == 302
    assert article.pages == ["exosome-therapy", "procedure"]
    assert str(article.last_reviewed_on) == "2026-12-03"
    assert "/articles/preparing-for-your-first-session/" in parse(Client().get("/procedure/")).links
