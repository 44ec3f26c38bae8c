"""The clinic's opening hours as it edits them in the admin: the weekly hours (WeeklyHours, read
through hours.py), and the dated hours that replace them between two dates (read through
dated_hours.py).

They were booking's until issue 27: their tables keep booking's names (`db_table`, and the
constraints' names), so moving them here changed no table (migrations ground 0001, booking 0008).
The module also makes Django send ground `post_migrate`, whose handler makes the database
cache's table (apps.py)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]


def span_text(day, opens, closes):
    # Translators: a weekday's opening span, "Tuesday 20:00–23:00". Arabic: «من … إلى».
    return gettext("%(day)s %(opens)s–%(closes)s") % {
        "day": day,
        "opens": f"{opens:%H:%M}",
        "closes": f"{closes:%H:%M}",
    }


class WeeklyHours(models.Model):
    """One opening span of a weekday, every week: a weekday without one is closed (dated hours
    replace them on their dates). With no row at all, hours.py's constants stand."""

    weekday = models.PositiveSmallIntegerField(
        _("day"),
        choices=WEEKDAYS,
        help_text=_(
            "A day without hours is closed; a second line for a day splits it. Dated hours "
            "(holidays, Ramadan) replace these on their dates."
        ),
    )
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta:
        verbose_name = _("weekly hours of a day")
        verbose_name_plural = _("weekly hours")
        ordering = ["weekday", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes__gt=models.F("opens")),
                name="ground_weekly_hours_order",
                violation_error_message=_("The clinic closes after it opens."),
            )
        ]

    def __str__(self):
        return span_text(self.get_weekday_display(), self.opens, self.closes)

    def clean(self):
        # Two spans of one day that overlap would count its hours twice (the clocks, the picker).
        if self.opens is None or self.closes is None or self.weekday is None:
            return
        overlapping = WeeklyHours.objects.filter(
            weekday=self.weekday, opens__lt=self.closes, closes__gt=self.opens
        ).exclude(pk=self.pk)
        for other in overlapping[:1]:
            raise ValidationError(
                _("%(span)s overlaps this span: change that one instead."),
                code="overlap",
                params={"span": str(other)},
            )


class DatedHours(models.Model):
    """Hours that replace the weekly ones between two dates: a closed day (a holiday), or a
    dated weekly plan (Ramadan, announced late and different every year)."""

    name = models.CharField(_("name"), max_length=100, help_text=_("e.g. Ramadan 2027, Eid"))
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to (included)"))
    closed = models.BooleanField(
        _("closed"), default=False, help_text=_("Closed on every day of these dates.")
    )

    class Meta:
        db_table = "booking_datedhours"
        verbose_name = _("dated hours")
        verbose_name_plural = _("dated hours (holidays, Ramadan)")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="booking_dated_hours_order"
            )
        ]

    def __str__(self):
        return self.name


class DayHours(models.Model):
    """One opening span of a weekday in a dated plan; a weekday without one is closed."""

    WEEKDAYS = WEEKDAYS

    plan = models.ForeignKey(DatedHours, on_delete=models.CASCADE, related_name="days")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=WEEKDAYS)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta:
        db_table = "booking_dayhours"
        verbose_name = _("opening hours of a day")
        verbose_name_plural = _("opening hours, day by day")
        ordering = ["weekday", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes__gt=models.F("opens")), name="booking_day_hours_order"
            )
        ]

    def __str__(self):
        return span_text(self.get_weekday_display(), self.opens, self.closes)
