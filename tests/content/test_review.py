"""Draft → in review → published on the item itself (content/review.py): the live words change
only when a draft is published or an earlier version put back."""

import pytest

from content.models import FaqEntry
from tests.content_factories import make_clinic_manager, make_faq_entry

pytestmark = pytest.mark.django_db


def test_an_edited_draft_is_pending_and_the_live_words_stay():
    entry = make_faq_entry()

    entry.draft_answer_en = "<p>Yes.</p>"
    entry.draft_edited()

    assert entry.status == "draft"
    assert entry.has_pending_changes()
    assert entry.answer_en == "<p>Yes, the first consultation is free.</p>"


def test_a_draft_edited_back_to_the_live_words_waits_for_nothing():
    entry = make_faq_entry(draft_answer_en="<p>Yes.</p>", status="draft")

    entry.draft_answer_en = entry.answer_en
    entry.draft_edited()

    assert entry.status == "published"
    assert not entry.may_submit()


def test_missing_names_each_field_the_draft_lacks_in_one_language():
    entry = make_faq_entry(draft_question_ar="", draft_answer_en="", draft_answer_ar="")

    assert entry.missing() == ["question_ar", "answer_en", "answer_ar"]


def test_publishing_copies_the_draft_and_records_who_and_the_tick():
    manager = make_clinic_manager()
    entry = make_faq_entry(draft_answer_en="<p>Guaranteed results.</p>", status="in_review")

    entry.publish(manager, stands_by_claims=True)

    assert (entry.status, entry.answer_en) == ("published", "<p>Guaranteed results.</p>")
    assert entry.published_by == manager
    assert entry.claims_stood_by == ["en:guarantee:guaranteed"]
    assert entry.claims_stood_by_user == manager
    assert entry.flags_to_decide() == []


def test_a_reworded_claim_needs_a_tick_of_its_own():
    entry = make_faq_entry(draft_answer_en="<p>Guaranteed results.</p>", status="in_review")
    entry.publish(make_clinic_manager(), stands_by_claims=True)

    entry.draft_answer_en = "<p>Permanent results.</p>"

    assert [flag.code for flag in entry.flags_to_decide()] == ["permanent"]


def test_reverting_puts_a_versions_words_live_and_as_the_draft():
    entry = make_faq_entry()
    first = entry.history.latest()
    entry.answer_en = entry.draft_answer_en = "<p>Changed.</p>"
    entry.save()

    entry.revert_to(first, make_clinic_manager())
    entry.save()

    entry = FaqEntry.objects.get(pk=entry.pk)
    assert entry.answer_en == entry.draft_answer_en == "<p>Yes, the first consultation is free.</p>"
    assert entry.status == "published"
