"""The clinic edits its FAQ in the admin (content/admin_review.py): an Editor saves drafts and
submits them, a Clinic manager approves and publishes or reverts; the copy rules' warnings block
approval until the manager stands by the claim; every step is on the access trail."""

import pytest
from django.test import Client
from django.urls import reverse

from audit.models import AccessEvent
from content.models import FaqEntry, Notice
from tests.content_factories import (
    change_url,
    draft_form,
    make_clinic_manager,
    make_editor,
    signed_in,
)
from tests.factories import make_front_desk_user
from tests.html import parse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache", "faq_as_migrated")]

NEW_ANSWER_EN = "<p>Most patients need two sessions, three months apart.</p>"
NEW_ANSWER_AR = "<p>يحتاج معظم المرضى إلى جلستين تفصل بينهما ثلاثة أشهر.</p>"


def entry(question):
    return FaqEntry.objects.get(question_en=question)


def sessions():
    return entry("How many sessions are needed?")


def side_effects():
    return entry("Are there any side effects?")


def page_text(path):
    return parse(Client().get(path)).text


def submit_new_answer(editor):
    item = sessions()
    return editor.post(
        change_url(item),
        draft_form(item, "_submit", draft_answer_en=NEW_ANSWER_EN, draft_answer_ar=NEW_ANSWER_AR),
    )


def test_an_editors_saved_draft_never_changes_the_live_page():
    editor = signed_in(make_editor())
    item = sessions()

    response = editor.post(
        change_url(item), draft_form(item, "_continue", draft_answer_en=NEW_ANSWER_EN)
    )

    item.refresh_from_db()
    assert response.status_code == 302
    assert (item.status, item.draft_answer_en) == ("draft", NEW_ANSWER_EN)
    assert "Most patients need two sessions" not in page_text("/faq/")
    assert "Typically, 1–2 sessions are recommended" in page_text("/faq/")


def test_submitting_needs_both_languages_and_says_which_is_missing():
    editor = signed_in(make_editor())
    data = {
        "draft_question_en": "Is parking available?",
        "draft_question_ar": "",
        "draft_answer_en": "Yes, in front of the clinic.",
        "draft_answer_ar": "",
        "draft_position": "5",
        "_submit": "1",
    }

    response = editor.post(reverse("admin:content_faqentry_add"), data)

    errors = " ".join(parse(response).text.split())
    assert response.status_code == 200
    assert "Missing: Question (Arabic), Answer (Arabic)" in errors
    assert "An Arabic page never shows the English in its place" in errors
    assert not FaqEntry.objects.filter(draft_question_en="Is parking available?").exists()


def test_the_editor_submits_and_the_clinic_manager_publishes_in_both_languages():
    editor, manager = signed_in(make_editor()), signed_in(make_clinic_manager())

    submit_new_answer(editor)
    submitted = sessions()
    response = manager.post(change_url(submitted), draft_form(submitted, "_approve"))

    published = sessions()
    assert submitted.status == "in_review"
    assert response.status_code == 302
    assert (published.status, published.answer_ar) == ("published", NEW_ANSWER_AR)
    assert published.published_by.username == "manager"
    assert "Most patients need two sessions, three months apart." in page_text("/faq/")
    assert "يحتاج معظم المرضى إلى جلستين" in page_text("/ar/faq/")


def test_the_side_effects_answer_shows_its_warning_in_both_languages():
    editor = signed_in(make_editor())

    html = " ".join(parse(editor.get(change_url(side_effects()))).text.split())

    assert "English : « Side effects are rare » Raises expectations" in html
    assert "Arabic : « الآثار الجانبية نادرة » Raises expectations" in html


def test_a_flagged_claim_blocks_approval_until_the_manager_stands_by_it():
    editor, manager = signed_in(make_editor()), signed_in(make_clinic_manager())
    editor.post(change_url(side_effects()), draft_form(side_effects(), "_submit"))

    refused = manager.post(change_url(side_effects()), draft_form(side_effects(), "_approve"))
    waiting = side_effects()
    approved = manager.post(
        change_url(waiting), draft_form(waiting, "_approve", stands_by_claims="on")
    )

    item = side_effects()
    assert waiting.status == "in_review"
    assert "2 flagged claims wait for the clinic's decision" in parse(refused).text
    assert approved.status_code == 302
    assert item.status == "published"
    assert sorted(item.claims_stood_by) == [
        "ar:side-effects-rare:الآثار الجانبية نادرة",
        "en:side-effects-rare:side effects are rare",
    ]
    assert (item.claims_stood_by_user.username, bool(item.claims_stood_by_at)) == ("manager", True)
    assert "The clinic stands by it (ticked by manager" in parse(manager.get(change_url(item))).text


def test_an_editor_can_neither_approve_nor_revert():
    editor = signed_in(make_editor())
    submit_new_answer(editor)
    item = sessions()
    version = item.history.get(history_change_reason="imported")

    approve = editor.post(change_url(item), draft_form(item, "_approve"))
    revert = editor.post(
        reverse("admin:content_faqentry_revert", args=[item.pk, version.history_id])
    )

    assert "Only a Clinic manager approves and publishes." in parse(approve).text
    assert "Approve and publish" not in editor.get(change_url(item)).content.decode()
    assert revert.status_code == 403
    assert sessions().answer_en == version.answer_en


def test_the_history_says_who_changed_what_and_a_revert_puts_the_old_text_live_again():
    editor, manager = signed_in(make_editor()), signed_in(make_clinic_manager())
    submit_new_answer(editor)
    manager.post(change_url(sessions()), draft_form(sessions(), "_approve"))
    item = sessions()
    first = item.history.get(history_change_reason="imported")

    history = manager.get(reverse("admin:content_faqentry_history", args=[item.pk]))
    reverted = manager.post(
        reverse("admin:content_faqentry_revert", args=[item.pk, first.history_id])
    )

    html = history.content.decode()
    assert "Submitted for review" in html and "Approved and published" in html
    assert "editor" in html and "manager" in html
    assert "<del>Typically, 1–2 sessions are recommended, with follow-ups" in html
    assert "<ins>Most patients need two sessions, three months apart.</ins>" in html
    assert reverted.status_code == 302
    assert (sessions().status, sessions().draft_answer_en) == ("published", first.answer_en)
    assert "Typically, 1–2 sessions are recommended" in page_text("/faq/")
    assert "يُوصى عادةً بجلسة أو جلستين" in page_text("/ar/faq/")


def test_a_revert_is_a_post_of_someone_who_may_publish():
    manager = signed_in(make_clinic_manager())
    item = sessions()
    first = item.history.get(history_change_reason="imported")

    response = manager.get(reverse("admin:content_faqentry_revert", args=[item.pk, first.pk]))

    assert response.status_code == 405


def test_each_step_is_on_the_access_trail():
    editor, manager = signed_in(make_editor()), signed_in(make_clinic_manager())
    item = sessions()
    first = item.history.get(history_change_reason="imported")

    editor.post(change_url(item), draft_form(item, "_continue", draft_answer_en=NEW_ANSWER_EN))
    submit_new_answer(editor)
    manager.post(change_url(sessions()), draft_form(sessions(), "_approve"))
    manager.post(reverse("admin:content_faqentry_revert", args=[item.pk, first.history_id]))

    events = AccessEvent.objects.about(FaqEntry, [item.pk]).order_by("pk")
    assert [(event.username, event.action) for event in events] == [
        ("editor", "changed"),
        ("editor", "submitted"),
        ("manager", "published"),
        ("manager", "reverted"),
    ]
    saved, _submitted, published, _reverted = events
    assert saved.detail["changes"]["draft_answer_en"]["new"] == NEW_ANSWER_EN
    assert published.detail["changes"]["answer_en"]["new"] == NEW_ANSWER_EN


def test_the_front_desk_does_not_see_the_content():
    desk = signed_in(make_front_desk_user())

    response = desk.get(reverse("admin:content_faqentry_changelist"))

    assert response.status_code == 403


def test_a_notice_ends_after_it_starts():
    editor = signed_in(make_editor())
    data = {
        "name": "Eid",
        "draft_text_en": "Closed for Eid.",
        "draft_text_ar": "مغلق في العيد.",
        "draft_publish_at": "2026-12-07T09:00",
        "draft_expire_at": "2026-12-06T09:00",
    }

    response = editor.post(reverse("admin:content_notice_add"), data)

    assert "The notice must end after it starts." in parse(response).text
    assert not Notice.objects.exists()
