"""The clinic edits a page's passages in the admin (pages/admin.py, the review steps of
content/admin_review.py): listed by page in reading order, in the staff's language; an Editor
submits, a Clinic manager publishes and the live page changes in both languages; a revert puts
the words as they were back; no one deletes a passage a template names."""

import pytest
from django.test import Client
from django.urls import reverse

from content.models import Passage
from tests.content_factories import (
    change_url,
    draft_form,
    make_clinic_manager,
    make_editor,
)
from tests.factories import login_staff
from tests.html import parse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]

KEY = "cost-and-safety.safety.sterile-procedure"
NEW_EN = "<strong>Sterile procedure:</strong> performed in a clinical room kept sterile."
NEW_AR = "<strong>إجراء معقّم:</strong> يُجرى في غرفة سريرية معقّمة."


def sterile():
    return Passage.objects.get(key=KEY)


def text(response):
    return " ".join(parse(response).text.split())


def test_the_list_shows_a_pages_passages_in_reading_order_by_page_and_words():
    editor = login_staff(Client(), make_editor())

    response = editor.get(reverse("admin:content_passage_changelist"), {"page": "contact"})

    listed = [passage.key for passage in response.context["cl"].result_list]
    shown = text(response)
    assert listed[:4] == [
        "contact.meta.title",
        "contact.meta.description",
        "contact.title",
        "contact.lede",
    ]
    assert len(listed) == Passage.objects.filter(page="contact").count() == 12
    assert shown.index("Contact and opening hours Contact") < shown.index("Contact us Contact")


def test_an_arabic_admin_sees_the_page_and_the_words_in_arabic():
    editor = login_staff(Client(), make_editor())
    editor.post(reverse("staff_access:language"), {"language": "ar", "next": "/admin/"})

    response = editor.get(reverse("admin:content_passage_changelist"), {"page": "contact"})

    assert "اتصل بنا" in text(response)


def test_a_passage_edited_through_review_goes_live_in_both_languages_and_reverts():
    editor = login_staff(Client(), make_editor())
    manager = login_staff(Client(), make_clinic_manager())
    first = sterile().history.get(history_change_reason="imported")

    editor.post(
        change_url(sterile()),
        draft_form(sterile(), "_submit", draft_text_en=NEW_EN, draft_text_ar=NEW_AR),
    )
    before = text(Client().get("/cost-and-safety/"))
    manager.post(change_url(sterile()), draft_form(sterile(), "_approve"))
    history = manager.get(reverse("admin:content_passage_history", args=[sterile().pk]))
    english = text(Client().get("/cost-and-safety/"))
    arabic = text(Client().get("/ar/cost-and-safety/"))
    manager.post(reverse("admin:content_passage_revert", args=[sterile().pk, first.history_id]))
    reverted = text(Client().get("/cost-and-safety/"))

    assert "Moved from the site's code" in text(history)
    assert "<del>environment, minimizing the risk of infection.</del>" in history.content.decode()
    assert "performed in a clinical room kept sterile" not in before
    assert "Sterile procedure: performed in a clinical room kept sterile." in english
    assert "إجراء معقّم: يُجرى في غرفة سريرية معقّمة." in arabic
    assert "performed in a clinical room kept sterile" not in reverted
    assert "minimizing the risk of infection" in reverted
    assert sterile().status == "published"


def test_an_edit_keeps_only_inline_words():
    editor = login_staff(Client(), make_editor())
    typed = (
        '<p style="color:red">Kept <em>sterile</em></p>\n\n<script>x()</script> '
        '<a href="/faq/">FAQ</a>'
    )

    editor.post(change_url(sterile()), draft_form(sterile(), "_continue", draft_text_en=typed))

    assert sterile().draft_text_en == 'Kept <em>sterile</em> <a href="/faq/">FAQ</a>'


def test_the_page_and_key_are_fixed_and_no_one_deletes_a_passage():
    manager = login_staff(Client(), make_clinic_manager())

    page = manager.get(change_url(sterile()))
    deleted = manager.post(
        reverse("admin:content_passage_delete", args=[sterile().pk]), {"post": "yes"}
    )

    html = page.content.decode()
    assert KEY in html and 'name="key"' not in html and 'name="page"' not in html
    assert 'dir="rtl"' in html and "content-pairs" in html
    assert deleted.status_code == 403
    assert Passage.objects.filter(key=KEY).exists()
