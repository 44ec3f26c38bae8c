"""The content patients read (content/live.py): the published FAQ and the notices, kept a few
seconds per process, on pages in the page cache that render again when a publication is read or
a notice's moment passes, with no job on a clock and no query for a kept page."""

import time
from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext

from content import live
from content.models import FaqEntry, Notice
from tests.content_factories import make_faq_entry, make_notice
from tests.factories import clock_at, dubai
from tests.html import parse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("faq_as_migrated")]

EID = "Closed for Eid al-Adha on Tuesday."
EID_AR = "العيادة مغلقة يوم الثلاثاء بمناسبة عيد الأضحى."


def page_text(client, path="/"):
    return " ".join(parse(client.get(path)).text.split())


def test_an_eid_notice_appears_and_goes_by_itself_on_every_cached_page(client):
    make_notice(publish_at=dubai(2026, 12, 7, 9), expire_at=dubai(2026, 12, 9, 0))

    with clock_at(dubai(2026, 12, 7, 8, 59)):
        before = page_text(client, "/faq/")
    with clock_at(dubai(2026, 12, 7, 9, 0)):
        showing = [page_text(client, path) for path in ("/faq/", "/", "/consultation/")]
        arabic = page_text(client, "/ar/faq/")
    with clock_at(dubai(2026, 12, 9, 0, 0)):
        after = page_text(client, "/faq/")

    assert EID not in before
    assert all(EID in text for text in showing)
    assert EID_AR in arabic and EID not in arabic
    assert EID not in after


def test_the_edition_changes_at_the_notices_moments_and_not_between_them():
    make_notice(publish_at=dubai(2026, 12, 7, 9), expire_at=dubai(2026, 12, 9, 0))

    editions = []
    for moment in (dubai(2026, 12, 7, 8), dubai(2026, 12, 7, 10), dubai(2026, 12, 8, 23)):
        with clock_at(moment):
            editions.append(live.edition())

    assert editions[0] != editions[1] == editions[2]


def test_a_kept_page_with_a_notice_showing_costs_no_query(client):
    make_notice()
    page_text(client, "/faq/")

    with CaptureQueriesContext(connection) as queries:
        text = page_text(client, "/faq/")

    assert EID in text
    assert len(queries) == 0


def test_another_process_reads_a_publication_within_the_kept_seconds(client):
    page_text(client, "/faq/")
    # As another process would have it: saved without this process's signals.
    FaqEntry.objects.filter(question_en="When will I see results?").update(
        question_en="When do results show?"
    )

    kept = page_text(client, "/faq/")
    later = time.monotonic() + live.KEPT_SECONDS + 1
    with mock.patch("ground.kept.time.monotonic", return_value=later):
        read_again = page_text(client, "/faq/")

    assert "When will I see results?" in kept
    assert "When do results show?" in read_again


def test_a_draft_is_never_read_and_a_new_entry_shows_once_published(client):
    entry = FaqEntry.objects.get(question_en="When will I see results?")
    entry.draft_question_en = "A draft question?"
    entry.save()
    unpublished = make_faq_entry(published_at=None, status="draft")

    text = page_text(client, "/faq/")

    assert "A draft question?" not in text
    assert unpublished.question_en not in text
    assert "When will I see results?" in text


def test_an_entry_lacking_its_arabic_is_shown_in_neither_language(client):
    make_faq_entry(question_ar="", answer_ar="")

    english, arabic = page_text(client, "/faq/"), page_text(client, "/ar/faq/")

    assert "Is the consultation free?" not in english + arabic


def test_the_pages_show_the_last_content_read_while_the_database_is_away(client, caplog):
    page_text(client, "/faq/")
    later = time.monotonic() + live.KEPT_SECONDS + 1  # the kept seconds are over

    with (
        mock.patch("ground.kept.time.monotonic", return_value=later),
        mock.patch.object(live.published, "read", side_effect=OperationalError("away")),
    ):
        text = page_text(client, "/faq/")

    assert "Are there any side effects?" in text
    assert "The content can't be read" in caplog.text


def test_the_faq_a_notice_and_the_passages_are_read_in_one_small_read_each():
    make_notice()

    with CaptureQueriesContext(connection) as queries:
        content = live.read()

    assert len(content.faqs) == 4
    assert len(content.notices) == 1
    assert content.passages["cost-and-safety.safety.heading"].text("ar") == "ملف السلامة"
    assert len(queries) == 6  # the FAQ, notices, articles, prices, passages, contact details


def test_a_notice_over_is_not_read_at_all():
    make_notice(expire_at=dubai(2026, 12, 1, 0))

    with clock_at(dubai(2026, 12, 2, 0)):
        content = live.read()

    assert content.notices == ()
    assert Notice.objects.count() == 1
