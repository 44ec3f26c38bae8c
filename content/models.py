"""What the clinic edits itself: its FAQ, a notice banner, the pages' passages, its articles
(articles.py), its prices (prices.py) and its contact details (contact.py), in English and Arabic
on one record, each with its draft and its live words (review.py) and every version kept
(django-simple-history: a table of versions per model, which the admin's History page reads)."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

# The articles and the prices, each in a module of its own (one module would pass the 300 lines
# the floors allow).
from content.articles import Article
from content.contact import ContactDetails
from content.prices import Price
from content.review import LiveQuerySet, Reviewed

__all__ = ["Article", "ContactDetails", "FaqEntry", "Notice", "Price"]

RICH_TEXT_HELP = _(
    "Plain text: a blank line starts a new paragraph. Also allowed: <em>, <strong>, lists "
    '(<ul>, <ol>, <li>) and links (<a href="…">) to this site, http(s), mailto: or tel:. '
    "Anything else is taken out when you save."
)


class FaqEntry(Reviewed):
    reviewed_fields = ("position", "question_en", "question_ar", "answer_en", "answer_ar")
    rich_fields = ("answer_en", "answer_ar")
    language_pairs = (("question_en", "question_ar"), ("answer_en", "answer_ar"))

    # Live: on /faq/, /ar/faq/, the home page and the FAQPage structured data.
    position = models.PositiveSmallIntegerField(_("order, live"), default=0)
    question_en = models.CharField(_("question (English), live"), max_length=300, blank=True)
    question_ar = models.CharField(_("question (Arabic), live"), max_length=300, blank=True)
    answer_en = models.TextField(_("answer (English), live"), blank=True)
    answer_ar = models.TextField(_("answer (Arabic), live"), blank=True)
    # The draft the editors work on.
    draft_position = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first on the page.")
    )
    draft_question_en = models.CharField(_("question (English)"), max_length=300, blank=True)
    draft_question_ar = models.CharField(_("question (Arabic)"), max_length=300, blank=True)
    draft_answer_en = models.TextField(_("answer (English)"), blank=True, help_text=RICH_TEXT_HELP)
    draft_answer_ar = models.TextField(_("answer (Arabic)"), blank=True, help_text=RICH_TEXT_HELP)

    history = HistoricalRecords()
    objects = LiveQuerySet.as_manager()

    class Meta:
        ordering = ["draft_position", "pk"]
        verbose_name = _("FAQ entry")
        verbose_name_plural = _("FAQ entries")
        permissions = [("publish_faqentry", "Can approve, publish and revert FAQ entries")]

    def __str__(self):
        return self.in_admin_language("question") or str(_("New FAQ entry"))


class NoticeQuerySet(LiveQuerySet):
    def not_over(self, moment):
        return self.live().filter(Q(expire_at__isnull=True) | Q(expire_at__gt=moment))


class Notice(Reviewed):
    """A banner on every page ("Closed for Eid on …"), from `publish_at` until `expire_at`: it
    appears and goes by itself, the page cache's edition changing at those moments (live.py)."""

    reviewed_fields = ("text_en", "text_ar", "publish_at", "expire_at")
    rich_fields = ("text_en", "text_ar")
    language_pairs = (("text_en", "text_ar"),)

    name = models.CharField(
        _("name"), max_length=100, help_text=_("For the staff only, e.g. “Eid al-Fitr 2027”.")
    )
    # Live.
    text_en = models.TextField(_("notice (English), live"), blank=True)
    text_ar = models.TextField(_("notice (Arabic), live"), blank=True)
    publish_at = models.DateTimeField(_("shown from, live"), null=True, blank=True)
    expire_at = models.DateTimeField(_("shown until, live"), null=True, blank=True)
    # The draft.
    draft_text_en = models.TextField(_("notice (English)"), blank=True, help_text=RICH_TEXT_HELP)
    draft_text_ar = models.TextField(_("notice (Arabic)"), blank=True, help_text=RICH_TEXT_HELP)
    draft_publish_at = models.DateTimeField(
        _("shown from"),
        null=True,
        blank=True,
        help_text=_("Dubai time. Empty: as soon as it is published."),
    )
    draft_expire_at = models.DateTimeField(
        _("shown until"),
        null=True,
        blank=True,
        help_text=_("Dubai time. Empty: until it is taken down."),
    )

    history = HistoricalRecords()
    objects = NoticeQuerySet.as_manager()

    class Meta:
        ordering = ["-draft_publish_at", "-pk"]
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        permissions = [("publish_notice", "Can approve, publish and revert notices")]

    def __str__(self):
        return self.name

    def clean(self):
        starts, ends = self.draft_publish_at, self.draft_expire_at
        if starts and ends and ends <= starts:
            raise ValidationError(
                {"draft_expire_at": _("The notice must end after it starts.")}, code="ends_first"
            )


INLINE_HELP = _(
    "One run of text: line breaks become spaces. Also allowed: <em>, <strong> and links "
    '(<a href="…">) to this site, http(s), mailto: or tel:. Anything else is taken out when you '
    "save. The page's layout (headings, lists, tables) stays as it is."
)
PASSAGE_KEY = RegexValidator(
    r"^[a-z0-9]+(?:[.-][a-z0-9]+)*$",
    _("Lower-case letters, digits, dots and hyphens, e.g. “cost-and-safety.safety.heading”."),
)


class Passage(Reviewed):
    """One piece of a page's words (a heading, a paragraph, a list item, a table cell, the page's
    title or description for search engines), found by its key: the page's template says
    `{% passage "key" %}` where the words go, and keeps the layout."""

    reviewed_fields = ("text_en", "text_ar")
    rich_fields = ("text_en", "text_ar")
    inline_rich_text = True
    language_pairs = (("text_en", "text_ar"),)

    key = models.CharField(
        _("key"),
        max_length=100,
        unique=True,
        validators=[PASSAGE_KEY],
        help_text=_("How the page's template names it: set by a developer, never changed."),
    )
    page = models.CharField(_("page"), max_length=40, db_index=True)
    position = models.PositiveIntegerField(
        _("order on the page"),
        default=0,
        help_text=_("Where it stands on its page, in reading order."),
    )
    # Live.
    text_en = models.TextField(_("words (English), live"), blank=True)
    text_ar = models.TextField(_("words (Arabic), live"), blank=True)
    # The draft.
    draft_text_en = models.TextField(_("words (English)"), blank=True, help_text=INLINE_HELP)
    draft_text_ar = models.TextField(_("words (Arabic)"), blank=True, help_text=INLINE_HELP)

    history = HistoricalRecords()
    objects = LiveQuerySet.as_manager()

    class Meta:
        ordering = ["page", "position", "pk"]
        verbose_name = _("passage")
        verbose_name_plural = _("passages")
        permissions = [("publish_passage", "Can approve, publish and revert passages")]

    def __str__(self):
        # The start of its words in the admin's language.
        english = self.text_of("text_en") or self.text_of("text_en", draft=False)
        arabic = self.text_of("text_ar") or self.text_of("text_ar", draft=False)
        first = (arabic if get_language() == "ar" else english) or english or arabic
        return Truncator(first).chars(70) if first else self.key
