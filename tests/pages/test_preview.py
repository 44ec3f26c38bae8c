"""A draft on its real page before it is published (pages/preview.py): for signed-in staff who may
see the content, in both languages, never cached, never indexed."""

import pytest
from django.test import Client
from django.urls import reverse

from content.models import Article, FaqEntry, Passage
from ground import page_cache
from tests.content_factories import make_article, make_editor, make_notice, make_price
from tests.factories import clock_at, dubai, login_staff, make_front_desk_user
from tests.html import parse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("faq_as_migrated")]


@pytest.fixture
def drafted():
    """The sessions answer with a draft in both languages, not published."""
    entry = FaqEntry.objects.get(question_en="How many sessions are needed?")
    entry.draft_answer_en = "<p>Two sessions, in a draft.</p>"
    entry.draft_answer_ar = "<p>جلستان، في مسودة.</p>"
    entry.draft_position = 9
    entry.save()
    return entry


def text(response):
    return " ".join(parse(response).text.split())


def test_the_draft_shows_on_the_real_faq_page_in_both_languages(drafted):
    editor = login_staff(Client(), make_editor())

    english = editor.get(f"/preview/faq/{drafted.pk}/")
    arabic = editor.get(f"/ar/preview/faq/{drafted.pk}/")

    assert "Two sessions, in a draft." in text(english)
    assert "Preview of a draft: it is not on the site." in text(english)
    assert '<html lang="ar" dir="rtl">' in arabic.content.decode()
    assert "جلستان، في مسودة." in text(arabic)
    # The draft's order: last of the five.
    assert text(english).index("Can exosome therapy") < text(english).index("Two sessions")


def test_a_preview_is_private_never_stored_and_never_indexed(drafted):
    editor = login_staff(Client(), make_editor())

    response = editor.get(f"/preview/faq/{drafted.pk}/")

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex"


def test_a_preview_never_reaches_the_page_cache_or_the_live_page(drafted):
    editor = login_staff(Client(), make_editor())

    editor.get(f"/preview/faq/{drafted.pk}/")
    live = Client().get("/faq/")

    assert "Two sessions, in a draft." not in text(live)
    assert "Typically, 1–2 sessions are recommended" in text(live)
    assert not [key for key in page_cache.store._items if "preview" in key]


def test_a_preview_is_for_signed_in_staff_who_may_see_the_content(drafted):
    url = f"/preview/faq/{drafted.pk}/"
    desk = login_staff(Client(), make_front_desk_user())

    anonymous = Client().get(url)
    front_desk = desk.get(url)

    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("admin:login"))
    assert front_desk.status_code == 403


def test_a_language_the_draft_lacks_is_shown_as_missing(drafted):
    drafted.draft_answer_ar = ""
    drafted.save()
    editor = login_staff(Client(), make_editor())

    arabic = text(editor.get(f"/ar/preview/faq/{drafted.pk}/"))

    assert "غير موجود بهذه اللغة" in arabic


def test_a_notice_preview_shows_its_draft_and_when_it_will_show():
    notice = make_notice(published_at=None, status="draft")
    notice.draft_publish_at, notice.draft_expire_at = dubai(2027, 3, 19, 22), dubai(2027, 3, 23, 8)
    notice.save()
    editor = login_staff(Client(), make_editor())

    with clock_at(dubai(2026, 12, 7, 9)):
        preview = text(editor.get(f"/preview/notice/{notice.pk}/"))
        home = text(Client().get("/"))

    assert "Closed for Eid al-Adha on Tuesday." in preview
    assert "Shown from 19 Mar 2027, 22:00 until 23 Mar 2027, 08:00." in preview
    assert "Closed for Eid al-Adha on Tuesday." not in home


def test_an_articles_draft_shows_on_its_own_page_in_both_languages_before_it_is_live():
    article = make_article(published_at=None, status="draft", title_en="Aftercare, explained")
    article.draft_body_ar = ""
    article.save()
    editor = login_staff(Client(), make_editor())

    english = editor.get(f"/preview/article/{article.pk}/")
    arabic = editor.get(f"/ar/preview/article/{article.pk}/")
    public = Client().get(f"/articles/{article.slug}/")

    assert english.status_code == 200 and english["Cache-Control"] == "private, no-store"
    assert "Aftercare, explained" in text(english)
    assert "Preview of a draft: it is not on the site." in text(english)
    assert "غير موجود بهذه اللغة" in text(arabic)
    assert public.status_code == 404


def test_a_prices_draft_shows_on_the_cost_page_in_its_place():
    make_price(name_en="Consultation and scalp analysis", amount_from=300, amount_to=None)
    price = make_price(published_at=None, status="draft", position=0, amount_from=1500)
    editor = login_staff(Client(), make_editor())

    english = text(editor.get(f"/preview/price/{price.pk}/"))
    arabic = text(editor.get(f"/ar/preview/price/{price.pk}/"))
    public = text(Client().get("/cost-and-safety/"))

    assert english.index("Exosome session") < english.index("Consultation and scalp analysis")
    assert "AED 1,500 to 2,500" in english and "AED 300" in english
    assert "من 1500 إلى 2500 درهم" in arabic
    assert "Exosome session" not in public and "Consultation and scalp analysis" in public


def test_article_and_price_previews_are_for_staff_who_may_see_the_content():
    article, price = make_article(), make_price()
    desk = login_staff(Client(), make_front_desk_user())

    responses = [
        desk.get(f"/preview/article/{article.pk}/"),
        desk.get(f"/preview/price/{price.pk}/"),
    ]

    assert [response.status_code for response in responses] == [403, 403]
    assert Client().get(f"/preview/article/{article.pk}/").status_code == 302
    assert Article.objects.count() == 1


def test_a_passage_preview_shows_its_page_with_the_draft_in_place_in_both_languages():
    passage = Passage.objects.get(key="procedure.steps.numbing-heading")
    passage.draft_text_en, passage.draft_text_ar = "Numbing the scalp", "تخدير فروة الرأس"
    passage.save()
    editor = login_staff(Client(), make_editor())

    english = editor.get(f"/preview/passage/{passage.pk}/")
    arabic = editor.get(f"/ar/preview/passage/{passage.pk}/")
    live = Client().get("/procedure/")

    assert "Numbing the scalp" in text(english) and "Scalp anesthetization" not in text(english)
    assert '<mark class="preview-draft">Numbing the scalp</mark>' in english.content.decode()
    assert "Preview of a draft: it is not on the site." in text(english)
    assert "The exosome injection procedure" in text(english)  # the rest of the page, live
    assert "تخدير فروة الرأس" in text(arabic)
    assert english["Cache-Control"] == "private, no-store"
    assert "Scalp anesthetization" in text(live) and "Numbing the scalp" not in text(live)


def test_a_passage_preview_marks_a_language_the_draft_lacks():
    passage = Passage.objects.get(key="contact.title")
    passage.draft_text_ar = ""
    passage.save()
    editor = login_staff(Client(), make_editor())

    arabic = text(editor.get(f"/ar/preview/passage/{passage.pk}/"))

    assert "غير موجود بهذه اللغة" in arabic
