"""Daily counts of visits and page views: sums for a day, never a visitor.

Each row is added to (views = views + n) by every server process of every host
(visits/tally.py), so no row ever holds anything about one person: no key, no address, no
browser, no time finer than the day.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LandingDay(models.Model):
    """The visits that began on a page with a campaign (or none), and every view they made."""

    day = models.DateField(_("day"))
    landing_path = models.CharField(_("landing page"), max_length=200)
    language = models.CharField(_("language"), max_length=8)
    utm_source = models.CharField(_("campaign source"), max_length=100, blank=True)
    utm_medium = models.CharField(_("campaign medium"), max_length=100, blank=True)
    utm_campaign = models.CharField(_("campaign name"), max_length=100, blank=True)
    visitors = models.PositiveIntegerField(_("visitors"), default=0)
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("visits by landing page")
        verbose_name_plural = _("visits by landing page")
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "day", "landing_path", "language", "utm_source", "utm_medium", "utm_campaign"
                ],
                name="visits_landing_day_once",
            )
        ]  # fmt: skip

    def __str__(self):
        return f"{self.day} {self.landing_path}"


class PageDay(models.Model):
    """Views of a page, whichever page the visit began on."""

    day = models.DateField(_("day"))
    path = models.CharField(_("page"), max_length=200)
    language = models.CharField(_("language"), max_length=8)
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("views of a page")
        verbose_name_plural = _("views of a page")
        constraints = [
            models.UniqueConstraint(fields=["day", "path", "language"], name="visits_page_day_once")
        ]

    def __str__(self):
        return f"{self.day} {self.path}"


class ReferrerDay(models.Model):
    """Visits that came from a link on another site: its host only, never the page."""

    day = models.DateField(_("day"))
    host = models.CharField(_("referring site"), max_length=100)
    visits = models.PositiveIntegerField(_("visits"), default=0)

    class Meta:
        verbose_name = _("visits from another site")
        verbose_name_plural = _("visits from other sites")
        constraints = [
            models.UniqueConstraint(fields=["day", "host"], name="visits_referrer_day_once")
        ]

    def __str__(self):
        return f"{self.day} {self.host}"


class LeftOutDay(models.Model):
    """Page views not counted as visits: bots and link previews, prefetches, signed-in staff."""

    class Reason(models.TextChoices):
        BOT = "bot", _("Bots and link previews")
        PREFETCH = "prefetch", _("Prefetched by a browser")
        STAFF = "staff", _("Signed-in staff")

    day = models.DateField(_("day"))
    reason = models.CharField(_("reason"), max_length=10, choices=Reason.choices)
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("views left out")
        verbose_name_plural = _("views left out")
        constraints = [
            models.UniqueConstraint(fields=["day", "reason"], name="visits_left_out_day_once")
        ]

    def __str__(self):
        return f"{self.day} {self.reason}"
