"""The content patients read, as this process keeps it: the published FAQ, the pages' passages,
the notices not over yet, the articles, the prices and the contact details, one small read each
every few seconds at most (KEPT_SECONDS), as ground/dated_hours.py reads the dated hours. A page
in the page cache is rendered from them; `edition()` tells the page cache when to render it again:
a publication read here, or a notice's `publish_at` or `expire_at` or an article's `publish_at`
passing, without a job on a clock. A change saved in this process is read at once (apps.py's
`forget()`); every other process and host reads it within KEPT_SECONDS.

Only the live fields are read, never a draft, and the rich text is sanitised again as it is read.
A page is never rendered from content never read (the process started while the database was
away): `content()` says so (ContentUnavailable), and pages answer with the clinic's error page.
"""

import functools
import logging
from bisect import bisect_right
from dataclasses import dataclass, field

from django.db.models import F
from django.utils import timezone

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
class LiveArticle:
    slug: str
    title_en: str
    title_ar: str
    summary_en: str  # plain text
    summary_ar: str
    body_en: str  # sanitised HTML, with its h2 and h3 headings
    body_ar: str
    author_en: str
    author_ar: str
    reviewer_en: str
    reviewer_ar: str
    credentials_en: str
    credentials_ar: str
    published_on: object  # the date it shows
    modified_on: object  # the date its words last went live (or its publication date, if later)
    last_reviewed_on: object  # or None: not shown
    publish_at: object  # an aware datetime, or None: from its publication
    pages: tuple  # the treatment pages it concerns (pages/contents.py's names)

    TEXTS = ("title", "summary", "body", "author", "reviewer", "credentials")

    def shows_at(self, moment):
        return self.publish_at is None or self.publish_at <= moment

    def complete(self):
        return all(getattr(self, f"{name}_{code}") for name in self.TEXTS for code in ("en", "ar"))

    def text(self, name, language):
        return getattr(self, f"{name}_{'ar' if language == 'ar' else 'en'}")


@dataclass(frozen=True)
class LivePrice:
    name_en: str
    name_ar: str
    includes_en: str  # sanitised HTML
    includes_ar: str
    amount_from: int
    amount_to: int | None  # a range's top, or None: one figure

    def name(self, language):
        return _in(language, self.name_en, self.name_ar)

    def includes(self, language):
        return _in(language, self.includes_en, self.includes_ar)


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
    articles: tuple = ()  # newest first, each shown from its `publish_at`
    prices: tuple = ()
    article_moments: tuple = ()  # the articles' `publish_at` moments, in order (for the edition)
    passages: dict = field(default_factory=dict)  # {key: LivePassage}
    contact: object = None  # clinic_contact.LiveContact; None: never published (the environment's)
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


def live_article(article):
    went_live = timezone.localdate(article.publish_at or article.published_at)
    published_on = article.published_on or went_live
    return LiveArticle(
        article.slug,
        article.title_en.strip(),
        article.title_ar.strip(),
        " ".join(article.summary_en.split()),
        " ".join(article.summary_ar.split()),
        rich_text.sanitise(article.body_en, headings=True),
        rich_text.sanitise(article.body_ar, headings=True),
        article.author_en.strip(),
        article.author_ar.strip(),
        article.reviewer_en.strip(),
        article.reviewer_ar.strip(),
        article.credentials_en.strip(),
        article.credentials_ar.strip(),
        published_on,
        max(published_on, timezone.localdate(article.published_at)),
        article.last_reviewed_on,
        article.publish_at,
        tuple(article.pages or ()),
    )


def live_price(price):
    return LivePrice(
        price.name_en.strip(),
        price.name_ar.strip(),
        rich_text.sanitise(price.includes_en),
        rich_text.sanitise(price.includes_ar),
        price.amount_from,
        price.amount_to,
    )


@functools.lru_cache(maxsize=4096)
def _inline(html):
    # Each read sanitises again only the words that changed: a few hundred passages every few
    # seconds would otherwise be most of the read.
    return rich_text.sanitise(html, inline=True)


def live_passage(text_en, text_ar):
    return LivePassage(_inline(text_en), _inline(text_ar))


def read():
    """The published FAQ in its order, the notices not over yet, the published passages, the
    articles, the prices and the contact details. Both languages of each are there (publishing
    requires them); one that somehow lacks one is left out, never shown in the other language."""
    from content.clinic_contact import host_copy, live_contact
    from content.models import Article, ContactDetails, FaqEntry, Notice, Passage, Price

    faqs = map(live_faq, FaqEntry.objects.live().order_by("position", "pk"))
    # One order on either database: a notice shown since its publication first.
    order = (F("publish_at").asc(nulls_first=True), "pk")
    notices = map(live_notice, Notice.objects.not_over(hours.now()).order_by(*order))
    articles = map(live_article, Article.objects.live())
    articles = tuple(sorted((article for article in articles if article.complete()), key=by_date))
    prices = map(live_price, Price.objects.live().order_by("position", "pk"))
    passages = Passage.objects.live().values_list("key", "text_en", "text_ar")
    contact = ContactDetails.objects.live().first()
    contact = contact and live_contact(contact)
    complete = contact and contact.phone and contact.address_en and contact.address_ar
    contact = contact if complete else None
    # This host's copy, for a process that starts while the database is away: rewritten only
    # when a read finds the details changed.
    host_copy.keep(contact)
    return Published(
        tuple(faq for faq in faqs if all(vars(faq).values())),
        tuple(notice for notice in notices if notice.text_en and notice.text_ar),
        articles,
        tuple(p for p in prices if p.name_en and p.name_ar and p.amount_from is not None),
        tuple(sorted(article.publish_at for article in articles if article.publish_at)),
        {
            key: live_passage(text_en, text_ar)
            for key, text_en, text_ar in passages
            if text_en.strip() and text_ar.strip()
        },
        contact,
        read=True,
    )


def by_date(article):
    """Newest first (the date shown, then the moment it went live), then by address."""
    return (-article.published_on.toordinal(), article.slug)


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


def notices_now(content=None, now=None):
    """The notices showing at this moment, in their order."""
    content = content or published()
    now = now or hours.now()
    return tuple(notice for notice in content.notices if notice.shows_at(now))


def articles_now(content=None):
    """The articles showing at this moment, newest first."""
    content = content or published()
    now = hours.now()
    return tuple(article for article in content.articles if article.shows_at(now))


def article_now(slug):
    """The article at this address showing now, or None."""
    return next((article for article in articles_now() if article.slug == slug), None)


def edition():
    """What a cached page shows of the content: the published FAQ and passages, the notices and
    articles showing now, the prices and the contact details. Read on every request of a cached
    page (ground/page_cache.py): kept, it costs no query, and the FAQ and the passages are the
    same objects until a read finds them changed (ground/kept.py), so comparing two editions
    doesn't grow with the number of passages."""
    content, now = published(), hours.now()
    # An article never goes: which show changes only when a scheduled one's moment passes.
    articles = content.articles, bisect_right(content.article_moments, now)
    shown = content.faqs, content.passages, notices_now(content, now), articles, content.prices
    return (*shown, content.contact)
