"""The clinic's articles: English and Arabic on one record, each with its author, its medical
reviewer and the reviewer's credentials, the date it shows, the treatment pages it concerns and
its address (a slug from the English title, never its number: a restore that hands row numbers
out again can't point an old link at another article). It goes live at `publish_at` by itself:
the page cache's edition changes at that moment (live.py)."""

from django.db import IntegrityError, models, transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from content.review import LiveQuerySet, Reviewed

# The treatment pages an article may concern, by their names in pages/contents.py (content is
# below pages and can't read its list; tests/pages checks that each is a page there).
TREATMENT_PAGES = (
    ("hair-loss", _("Understanding hair loss")),
    ("exosome-therapy", _("Exosome therapy")),
    ("treatments-compared", _("Treatments compared")),
    ("procedure", _("The procedure and aftercare")),
    ("cost-and-safety", _("Cost and safety")),
)
# Saves tried when others keep taking the address found free (each a new look).
SLUG_ATTEMPTS = 3
BODY_HELP = _(
    "Plain text: a blank line starts a new paragraph. Also allowed: headings (<h2>, <h3>), "
    '<em>, <strong>, lists (<ul>, <ol>, <li>) and links (<a href="…">) to this site, http(s), '
    "mailto: or tel:. Anything else is taken out when you save."
)
SUMMARY_HELP = _("One or two sentences: the list of articles and search engines show it.")


class Article(Reviewed):
    reviewed_fields = (
        "title_en",
        "title_ar",
        "summary_en",
        "summary_ar",
        "body_en",
        "body_ar",
        "author_en",
        "author_ar",
        "reviewer_en",
        "reviewer_ar",
        "credentials_en",
        "credentials_ar",
        "published_on",
        "last_reviewed_on",
        "publish_at",
        "pages",
    )
    rich_fields = ("body_en", "body_ar")
    heading_fields = ("body_en", "body_ar")
    list_labels = {"pages": TREATMENT_PAGES}  # how the changes to approve name them
    language_pairs = (
        ("title_en", "title_ar"),
        ("summary_en", "summary_ar"),
        ("body_en", "body_ar"),
        ("author_en", "author_ar"),
        ("reviewer_en", "reviewer_ar"),
        ("credentials_en", "credentials_ar"),
    )

    slug = models.SlugField(
        _("page address"),
        max_length=80,
        unique=True,
        editable=False,
        help_text=_("Made from the English title; fixed once the article is live."),
    )
    # Live: on /articles/, its own page, the treatment pages it concerns and the sitemap.
    title_en = models.CharField(_("title (English), live"), max_length=200, blank=True)
    title_ar = models.CharField(_("title (Arabic), live"), max_length=200, blank=True)
    summary_en = models.TextField(_("summary (English), live"), blank=True)
    summary_ar = models.TextField(_("summary (Arabic), live"), blank=True)
    body_en = models.TextField(_("article (English), live"), blank=True)
    body_ar = models.TextField(_("article (Arabic), live"), blank=True)
    author_en = models.CharField(_("author (English), live"), max_length=100, blank=True)
    author_ar = models.CharField(_("author (Arabic), live"), max_length=100, blank=True)
    reviewer_en = models.CharField(_("reviewed by (English), live"), max_length=100, blank=True)
    reviewer_ar = models.CharField(_("reviewed by (Arabic), live"), max_length=100, blank=True)
    credentials_en = models.CharField(
        _("reviewer's credentials (English), live"), max_length=200, blank=True
    )
    credentials_ar = models.CharField(
        _("reviewer's credentials (Arabic), live"), max_length=200, blank=True
    )
    published_on = models.DateField(_("publication date, live"), null=True, blank=True)
    last_reviewed_on = models.DateField(_("last reviewed, live"), null=True, blank=True)
    publish_at = models.DateTimeField(_("shown from, live"), null=True, blank=True)
    pages = models.JSONField(_("treatment pages, live"), default=list, blank=True)
    # The draft.
    draft_title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    draft_title_ar = models.CharField(_("title (Arabic)"), max_length=200, blank=True)
    draft_summary_en = models.TextField(_("summary (English)"), blank=True, help_text=SUMMARY_HELP)
    draft_summary_ar = models.TextField(_("summary (Arabic)"), blank=True, help_text=SUMMARY_HELP)
    draft_body_en = models.TextField(_("article (English)"), blank=True, help_text=BODY_HELP)
    draft_body_ar = models.TextField(_("article (Arabic)"), blank=True, help_text=BODY_HELP)
    draft_author_en = models.CharField(_("author (English)"), max_length=100, blank=True)
    draft_author_ar = models.CharField(_("author (Arabic)"), max_length=100, blank=True)
    draft_reviewer_en = models.CharField(_("reviewed by (English)"), max_length=100, blank=True)
    draft_reviewer_ar = models.CharField(_("reviewed by (Arabic)"), max_length=100, blank=True)
    draft_credentials_en = models.CharField(
        _("reviewer's credentials (English)"),
        max_length=200,
        blank=True,
        help_text=_("E.g. “Consultant dermatologist, DHA licence”."),
    )
    draft_credentials_ar = models.CharField(
        _("reviewer's credentials (Arabic)"), max_length=200, blank=True
    )
    draft_published_on = models.DateField(
        _("publication date"),
        null=True,
        blank=True,
        help_text=_("The date the article shows. Empty: the day it goes live."),
    )
    draft_last_reviewed_on = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_("The day the reviewer last checked it. Empty: not shown."),
    )
    draft_publish_at = models.DateTimeField(
        _("shown from"),
        null=True,
        blank=True,
        help_text=_("Dubai time. Empty: as soon as it is published."),
    )
    draft_pages = models.JSONField(
        _("treatment pages"),
        default=list,
        blank=True,
        help_text=_("Each page chosen links to the article under “Read more”."),
    )

    history = HistoricalRecords()
    objects = LiveQuerySet.as_manager()  # its live fields, shown from `publish_at`, if set

    class Meta:
        ordering = ["-draft_published_on", "-pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [("publish_article", "Can approve, publish and revert articles")]

    def __str__(self):
        return self.in_admin_language("title") or str(_("New article"))

    def save(self, *args, **kwargs):
        # Its address follows the English title until it goes live, then stays.
        if self.is_live and self.slug:
            return super().save(*args, **kwargs)
        wanted = slugify(self.draft_title_en)[:70].strip("-") or "article"
        for attempt in range(SLUG_ATTEMPTS):
            self.slug = self.free_slug(wanted)
            try:
                with transaction.atomic():
                    return super().save(*args, **kwargs)
            except IntegrityError:
                # Another article took this address since free_slug looked (two editors saving
                # the same title at once): the next free one, unless something else refused it.
                taken = Article.objects.exclude(pk=self.pk).filter(slug=self.slug).exists()
                if not taken or attempt == SLUG_ATTEMPTS - 1:
                    raise

    def free_slug(self, wanted):
        taken = set(
            Article.objects.exclude(pk=self.pk)
            .filter(slug__startswith=wanted)
            .values_list("slug", flat=True)
        )
        slug, number = wanted, 2
        while slug in taken:
            slug, number = f"{wanted}-{number}", number + 1
        return slug
