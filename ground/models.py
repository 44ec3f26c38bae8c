"""The dated hours: hours that replace the weekly ones (hours.py) between two dates, edited by
the clinic manager in the admin and read by the whole site through dated_hours.py.

They were booking's until issue 27: their tables keep booking's names (`db_table`, and the
constraints' names), so moving them here changed no table (migrations ground 0001, booking 0008).
The module also makes Django send ground `post_migrate`, whose handler makes the database
cache's table (apps.py)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


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

    WEEKDAYS = [
        (0, _("Monday")),
        (1, _("Tuesday")),
        (2, _("Wednesday")),
        (3, _("Thursday")),
        (4, _("Friday")),
        (5, _("Saturday")),
        (6, _("Sunday")),
    ]

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
        # Translators: a weekday's opening span, "Tuesday 20:00–23:00". Arabic: «من … إلى».
        return gettext("%(day)s %(opens)s–%(closes)s") % {
            "day": self.get_weekday_display(),
            "opens": f"{self.opens:%H:%M}",
            "closes": f"{self.closes:%H:%M}",
        }
