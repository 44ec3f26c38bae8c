"""The prices and packages on the cost page, English and Arabic on one record: a name, what it
includes, and the amount in dirhams, one figure or a range. The clinic's copy has none today: the
page shows its "Prices" section only once one is published."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from content.review import LiveQuerySet, Reviewed

INCLUDES_HELP = _(
    "A sentence or a short list. Also allowed: <em>, <strong>, lists (<ul>, <ol>, <li>) and "
    "links. Anything else is taken out when you save."
)


class Price(Reviewed):
    reviewed_fields = (
        "position",
        "name_en",
        "name_ar",
        "includes_en",
        "includes_ar",
        "amount_from",
        "amount_to",
    )
    rich_fields = ("includes_en", "includes_ar")
    language_pairs = (("name_en", "name_ar"), ("includes_en", "includes_ar"))

    # Live: on /cost-and-safety/ and /ar/cost-and-safety/.
    position = models.PositiveSmallIntegerField(_("order, live"), default=0)
    name_en = models.CharField(_("name (English), live"), max_length=150, blank=True)
    name_ar = models.CharField(_("name (Arabic), live"), max_length=150, blank=True)
    includes_en = models.TextField(_("what it includes (English), live"), blank=True)
    includes_ar = models.TextField(_("what it includes (Arabic), live"), blank=True)
    amount_from = models.PositiveIntegerField(_("amount in AED, live"), null=True, blank=True)
    amount_to = models.PositiveIntegerField(_("up to, in AED, live"), null=True, blank=True)
    # The draft.
    draft_position = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first on the page.")
    )
    draft_name_en = models.CharField(_("name (English)"), max_length=150, blank=True)
    draft_name_ar = models.CharField(_("name (Arabic)"), max_length=150, blank=True)
    draft_includes_en = models.TextField(
        _("what it includes (English)"), blank=True, help_text=INCLUDES_HELP
    )
    draft_includes_ar = models.TextField(
        _("what it includes (Arabic)"), blank=True, help_text=INCLUDES_HELP
    )
    draft_amount_from = models.PositiveIntegerField(
        _("amount in AED"),
        null=True,
        help_text=_("In dirhams, digits only, e.g. 1500. With “up to”: the lowest."),
    )
    draft_amount_to = models.PositiveIntegerField(
        _("up to, in AED"),
        null=True,
        blank=True,
        help_text=_("For a range only, e.g. 2500. Empty: one figure."),
    )

    history = HistoricalRecords()
    objects = LiveQuerySet.as_manager()

    class Meta:
        ordering = ["draft_position", "pk"]
        verbose_name = _("price")
        verbose_name_plural = _("prices")
        permissions = [("publish_price", "Can approve, publish and revert prices")]

    def __str__(self):
        return self.in_admin_language("name") or str(_("New price"))

    def clean(self):
        low, high = self.draft_amount_from, self.draft_amount_to
        if low is not None and high is not None and high <= low:
            raise ValidationError(
                {"draft_amount_to": _("The range must end above where it starts.")},
                code="range_backwards",
            )
