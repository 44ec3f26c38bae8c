"""The content patients read, as this process keeps it: the published FAQ, the pages' passages and
the notices not over yet, read in one small read each every few seconds at most (KEPT_SECONDS),
as ground/dated_hours.py
reads the dated hours. A page in the page cache is rendered from them; `edition()` tells the page
cache when to render it again: a publication read here, or a notice's `publish_at` or
`expire_at` passing, without a job on a clock. A change saved in this process is read at once
(apps.py's `forget()`); every other process and host reads it within KEPT_SECONDS.

Only the live fields are read, never a draft, and the rich text is sanitised again as it is read.
A page is never rendered from content never read (the process started while the database was
away): `content()` says so (ContentUnavailable), and pages answer with the clinic's error page.
"""

import functools
import logging
from dataclasses import dataclass, field

from django.db.models import F

from content import rich_text
from ground import hours
from ground.kept import KeptRead

logger = logging.getLogger(__name__)

KEPT_SECONDS = 5
RETRY_SECONDS = 5


def _in(language, english, arabic):
    return arabic if language == "ar" else english


@dataclass(frozen=True)
class LiveFaq:
    question_en: str
    question_ar: str
    answer_en: str  # sanitised HTML
    answer_ar: str

    def question(self, language):
        return _in(language, self.question_en, self.question_ar)

    def answer(self, language):
        return _in(language, self.answer_en, self.answer_ar)


@dataclass(frozen=True)
class LiveNotice:
    text_en: str  # sanitised HTML
    text_ar: str
    publish_at: object  # an aware datetime, or None: from its publication
    expire_at: object  # or None: until taken down

    def shows_at(self, moment):
        started = self.publish_at is None or self.publish_at <= moment
        return started and (self.expire_at is None or moment < self.expire_at)

    def text(self, language):
        return _in(language, self.text_en, self.text_ar)


@dataclass(frozen=True)
class LivePassage:
    text_en: str  # sanitised inline HTML
    text_ar: str

    def text(self, language):
        return _in(language, self.text_en, self.text_ar)


@dataclass(frozen=True)
class Published:
    faqs: tuple = ()
    notices: tuple = ()  # not over yet when read: each shows between its two moments
    passages: dict = field(default_factory=dict)  # {key: LivePassage}
    read: bool = False  # False: nothing was ever read (the process's empty start)


class ContentUnavailable(Exception):
    """The content was never read in this process (the database away since it started)."""


def live_faq(entry):
    return LiveFaq(
        entry.question_en.strip(),
        entry.question_ar.strip(),
        rich_text.sanitise(entry.answer_en),
        rich_text.sanitise(entry.answer_ar),
    )


def live_notice(notice):
    return LiveNotice(
        rich_text.sanitise(notice.text_en),
        rich_text.sanitise(notice.text_ar),
        notice.publish_at,
        notice.expire_at,
    )


@functools.lru_cache(maxsize=4096)
def _inline(html):
    # Each read sanitises again only the words that changed: a few hundred passages every few
    # seconds would otherwise be most of the read.
    return rich_text.sanitise(html, inline=True)


def live_passage(text_en, text_ar):
    return LivePassage(_inline(text_en), _inline(text_ar))


def read():
    """The published FAQ in its order, the notices not over yet and the published passages. Both
    languages of each are there (publishing requires them); one that somehow lacks one is left
    out, never shown in the other language."""
    from content.models import FaqEntry, Notice, Passage

    faqs = map(live_faq, FaqEntry.objects.live().order_by("position", "pk"))
    # One order on either database: a notice shown since its publication first.
    order = (F("publish_at").asc(nulls_first=True), "pk")
    notices = map(live_notice, Notice.objects.not_over(hours.now()).order_by(*order))
    passages = Passage.objects.live().values_list("key", "text_en", "text_ar")
    return Published(
        tuple(faq for faq in faqs if all(vars(faq).values())),
        tuple(notice for notice in notices if notice.text_en and notice.text_ar),
        {
            key: live_passage(text_en, text_ar)
            for key, text_en, text_ar in passages
            if text_en.strip() and text_ar.strip()
        },
        read=True,
    )


# The published content, as this process keeps it: a page must never go down for it.
published = KeptRead(
    read,
    empty=Published(),
    logger=logger,
    unavailable="The content can't be read: the last read stands in",
    kept_seconds=KEPT_SECONDS,
    retry_seconds=RETRY_SECONDS,
)
forget = published.forget


def content():
    """The published content, or ContentUnavailable if this process never read it: a page
    rendered without its words would be kept in the page cache."""
    current = published()
    if not current.read:
        raise ContentUnavailable
    return current


def notices_now(content=None):
    """The notices showing at this moment, in their order."""
    content = content or published()
    now = hours.now()
    return tuple(notice for notice in content.notices if notice.shows_at(now))


def edition():
    """What a cached page shows of the content: the published FAQ and passages, and the notices
    showing now. Read on every request of a cached page (ground/page_cache.py): kept, it costs no
    query, and the FAQ and the passages are the same objects until a read finds them changed
    (ground/kept.py), so comparing two editions doesn't grow with the number of passages."""
    content = published()
    return content.faqs, content.passages, notices_now(content)
