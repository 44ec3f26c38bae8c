"""What content's migrations leave: today's FAQ and the pages' words as they were, published, with
a first version, and the two staff groups with the least that works (content/migrations/)."""

import pytest

from content.models import FaqEntry, Passage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("faq_as_migrated")]

CONTENT = (
    {
        f"content.{action}_{model}"
        for action in ("view", "add", "change", "delete", "publish")
        for model in ("faqentry", "notice", "article", "price")
    }
    | {f"content.{action}_passage" for action in ("view", "add", "change", "publish")}
    | {f"content.{action}_contactdetails" for action in ("view", "change", "publish")}
)


def permissions(groups, name):
    return {f"{app}.{codename}" for codename, app, _model in dict(groups)[name]}


def test_todays_faq_is_published_in_its_order_with_its_draft_the_same():
    entries = FaqEntry.objects.order_by("position")

    assert [entry.question_en for entry in entries] == [
        "How many sessions are needed?",
        "Are there any side effects?",
        "When will I see results?",
        "Can exosome therapy treat complete baldness?",
    ]
    assert all(entry.status == "published" and not entry.has_pending_changes() for entry in entries)


def test_each_entry_has_a_first_version_to_revert_to():
    versions = [entry.history.get().history_change_reason for entry in FaqEntry.objects.all()]

    assert versions == ["imported"] * 4


def test_the_editor_writes_and_submits_and_nothing_else(staff_groups_as_migrated):
    assert permissions(staff_groups_as_migrated, "Editor") == {
        f"content.{action}_{model}"
        for action in ("view", "add", "change")
        for model in ("faqentry", "notice", "article", "price", "passage")
    } | {"content.view_contactdetails", "content.change_contactdetails"}


def test_nobody_adds_or_deletes_the_contact_details(staff_groups_as_migrated):
    for group in ("Editor", "Clinic manager"):
        granted = permissions(staff_groups_as_migrated, group)

        assert "content.add_contactdetails" not in granted
        assert "content.delete_contactdetails" not in granted


def test_the_clinic_manager_publishes_and_gains_nothing_on_patients_requests(
    staff_groups_as_migrated,
):
    manager = permissions(staff_groups_as_migrated, "Clinic manager")

    assert {name for name in manager if name.startswith("content.")} == CONTENT
    # What it had before the content: the requests report, and the requests its bars link to.
    assert {name for name in manager if name.startswith("consultations.")} == {
        "consultations.view_consultationrequest",
        "consultations.view_contactentry",
        "consultations.view_requests_report",
    }


def test_the_pages_words_are_published_passages_in_reading_order_each_with_a_first_version():
    safety = Passage.objects.filter(
        page="cost-and-safety", key__startswith="cost-and-safety.safety."
    )

    assert [passage.key for passage in safety][:2] == [
        "cost-and-safety.safety.heading",
        "cost-and-safety.safety.text",
    ]
    assert Passage.objects.exclude(status="published").count() == 0
    assert not any(passage.has_pending_changes() for passage in Passage.objects.all())
    assert set(Passage.history.values_list("history_change_reason", flat=True)) == {"imported"}
    assert Passage.history.count() == Passage.objects.count()


def test_a_passage_keeps_its_inline_markup_and_both_languages():
    passage = Passage.objects.get(key="cost-and-safety.safety.source-material")

    assert passage.text_en.startswith("<strong>Source material:</strong> Reputable clinics")
    assert passage.text_ar.startswith("<strong>")
    assert passage.missing() == []
