"""Draft → in review → published: what every item the clinic edits has in common.

An item keeps two copies of its words: the live fields patients read, and a `draft_<name>` twin
of each that the editors work on. Saving a draft never touches the live fields; publishing copies
the draft over them, and only then does the site change (content/live.py reads the live fields
alone). The steps are methods here; who may take them is the admin's (content/admin_review.py):
an Editor saves and submits, a Clinic manager approves, publishes and reverts.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from content import copy_rules, rich_text
from ground import hours


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")


class LiveQuerySet(models.QuerySet):
    def live(self):
        """Published at least once: what patients read, its live fields."""
        return self.filter(published_at__isnull=False)


class Reviewed(models.Model):
    # Each model names its live fields (each has a draft_<name> twin), those in rich text, and its
    # text fields in English and Arabic pairs: publishing needs both of every pair. Rich text
    # with headings (h2, h3) is an article's body alone.
    reviewed_fields = ()
    rich_fields = ()
    heading_fields = ()
    inline_rich_text = False  # rich text in one run (a passage), not paragraphs and lists
    language_pairs = ()
    # Numbers, addresses and links: typed and shown left to right on an Arabic screen too.
    left_to_right = ()

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    # The approver's tick: the flagged claims (copy_rules.Flag.key) the clinic stands by, who
    # ticked and when. A claim reworded or added later needs a tick of its own.
    claims_stood_by = models.JSONField(_("claims the clinic stands by"), default=list, blank=True)
    claims_stood_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("claims stood by, ticked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    claims_stood_by_at = models.DateTimeField(
        _("claims stood by, ticked at"), null=True, blank=True
    )

    class Meta:
        abstract = True

    # What it says

    def in_admin_language(self, name):
        """A text (`name`: "title" for title_en and title_ar) in the admin's language, the
        draft's or else the live one, else in the other language: how the admin names an item,
        an Arabic admin in Arabic, read right to left."""
        english = getattr(self, f"draft_{name}_en") or getattr(self, f"{name}_en")
        arabic = getattr(self, f"draft_{name}_ar") or getattr(self, f"{name}_ar")
        return (arabic if get_language() == "ar" else english) or english or arabic

    @classmethod
    def cleaned_rich_text(cls, name, typed):
        """What an editor typed in a rich-text field, as it is stored: one inline run (a
        passage), or paragraphs and lists, with headings in the fields that have them."""
        if cls.inline_rich_text:
            return rich_text.clean_inline(typed)
        return rich_text.clean(typed, headings=name in cls.heading_fields)

    def values(self, draft=True):
        prefix = "draft_" if draft else ""
        return {name: getattr(self, prefix + name) for name in self.reviewed_fields}

    @property
    def is_live(self):
        """Published at least once: its live fields are on the site."""
        return self.published_at is not None

    def has_pending_changes(self):
        return not self.is_live or self.values(draft=True) != self.values(draft=False)

    def text_of(self, name, draft=True):
        value = getattr(self, ("draft_" if draft else "") + name) or ""
        return rich_text.text_of(value) if name in self.rich_fields else value.strip()

    def texts(self, draft=True):
        """(English, Arabic): the item's words in each language, a line per field."""
        return tuple(
            "\n".join(self.text_of(pair[index], draft) for pair in self.language_pairs)
            for index in (0, 1)
        )

    def flags(self, draft=True):
        return copy_rules.check(*self.texts(draft))

    def stood_by(self, flag):
        return flag.key in self.claims_stood_by

    def flags_to_decide(self, draft=True):
        """The flags the clinic has not stood by yet: each blocks approval until ticked."""
        return [flag for flag in self.flags(draft) if not self.stood_by(flag)]

    def missing(self):
        """The fields the draft lacks in one language of a pair, e.g. "the Arabic answer"."""
        missing = []
        for pair in self.language_pairs:
            filled = [bool(self.text_of(name)) for name in pair]
            if any(filled):
                missing += [name for name, done in zip(pair, filled, strict=True) if not done]
            else:
                missing += list(pair)
        return missing

    def may_submit(self):
        return self.has_pending_changes() or bool(self.flags_to_decide())

    # The steps

    def draft_edited(self):
        """After an editor changed the draft: waiting for a submission, or, back to the live
        words, nothing to do."""
        self.status = Status.DRAFT if self.has_pending_changes() else Status.PUBLISHED

    def submit(self, user):
        self.status = Status.IN_REVIEW
        self.submitted_by, self.submitted_at = user, hours.now()

    def publish(self, user, stands_by_claims=False):
        """The draft goes live. The caller has checked `missing()`, and `flags_to_decide()`
        against the tick: the admin's form says which language is missing."""
        moment = hours.now()
        flags = self.flags()
        if stands_by_claims and flags:
            self.claims_stood_by = [flag.key for flag in flags]
            self.claims_stood_by_user, self.claims_stood_by_at = user, moment
        for name, value in self.values(draft=True).items():
            setattr(self, name, value)
        self.status = Status.PUBLISHED
        self.published_by, self.published_at = user, moment

    def revert_to(self, version, user):
        """An earlier published version (a historical record) live again, and as the draft:
        its words, and the claims the clinic stood by when they were published."""
        for name in self.reviewed_fields:
            value = getattr(version, name)
            setattr(self, name, value)
            setattr(self, f"draft_{name}", value)
        self.claims_stood_by = version.claims_stood_by
        self.claims_stood_by_user_id = version.claims_stood_by_user_id
        self.claims_stood_by_at = version.claims_stood_by_at
        self.status = Status.PUBLISHED
        self.published_by, self.published_at = user, hours.now()
