"""A time for the free consultation: the clinic's settings and the bookings (the dated hours
are ground's, ground/models.py).

No time holds more patients than its capacity, and the database guarantees it, not a check
before an insert: each held or confirmed booking takes a seat (0 to capacity - 1) of its time,
and two such bookings can't share a start and a seat (SQLite: a partial unique index) nor, on
PostgreSQL, overlap in time on the same seat (an exclusion constraint over the time range, made
by migration 0002 with btree_gist).
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consultations.models import ConsultationRequest

# Below these a picker loops for ever or for seconds (slots.py holds its loops to them as well,
# whatever row the database has).
SHORTEST_MINUTES = 5
MOST_DAYS_AHEAD = 90


class ClinicSettings(models.Model):
    """One row: how the clinic offers times. Weekly hours are ground/hours.py's."""

    class Confirmation(models.TextChoices):
        HELD = "held", _("Held for the front desk to confirm")
        INSTANT = "instant", _("Booked at once")

    slot_minutes = models.PositiveSmallIntegerField(
        _("length of a consultation (minutes)"),
        default=30,
        validators=[MinValueValidator(SHORTEST_MINUTES)],
    )
    buffer_minutes = models.PositiveSmallIntegerField(
        _("buffer between consultations (minutes)"), default=0
    )
    minimum_notice_hours = models.PositiveSmallIntegerField(
        _("minimum notice (hours)"),
        default=2,
        help_text=_("The earliest time offered is this long after the patient looks."),
    )
    days_ahead = models.PositiveSmallIntegerField(
        _("days ahead"),
        default=14,
        validators=[MaxValueValidator(MOST_DAYS_AHEAD)],
        help_text=_("How far ahead patients may choose a time."),
    )
    capacity = models.PositiveSmallIntegerField(
        _("consultations at once"),
        default=1,
        validators=[MinValueValidator(1)],
        help_text=_("How many patients can be seen at the same time (1: the consultant)."),
    )
    confirmation = models.CharField(
        _("a chosen time is"),
        max_length=10,
        choices=Confirmation.choices,
        default=Confirmation.HELD,
    )
    hold_opening_days = models.PositiveSmallIntegerField(
        _("a held time lapses after (opening days)"),
        default=1,
        validators=[MinValueValidator(1)],
        help_text=_(
            "A held time the front desk has not confirmed is freed at the close of this many "
            "opening days after the day it was chosen (1: by the end of the next opening day)."
        ),
    )
    feed_shows_patients = models.BooleanField(
        _("calendar feeds show patients’ names and numbers"),
        default=False,
        help_text=_("Off: staff calendars show “Consultation” and the request number only."),
    )

    class Meta:
        verbose_name = _("booking settings")
        verbose_name_plural = _("booking settings")

    def __str__(self):
        return str(_("Booking settings"))

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def load(cls):
        return cls.objects.get_or_create(pk=1)[0]

    @property
    def slot_length(self):
        return timedelta(minutes=self.slot_minutes)

    @property
    def step(self):
        return timedelta(minutes=self.slot_minutes + self.buffer_minutes)


ACTIVE = ("held", "confirmed")


class BookingQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=ACTIVE)

    def between(self, start, end):
        return self.filter(starts_at__lt=end, ends_at__gt=start)


class Booking(models.Model):
    class Status(models.TextChoices):
        HELD = "held", _("Held, to confirm")
        CONFIRMED = "confirmed", _("Confirmed")
        DECLINED = "declined", _("Declined by the clinic")
        CANCELLED = "cancelled", _("Cancelled by the patient")
        LAPSED = "lapsed", _("Lapsed: not confirmed in time")

    request = models.ForeignKey(
        ConsultationRequest,
        verbose_name=_("request"),
        on_delete=models.CASCADE,
        related_name="bookings",
    )
    starts_at = models.DateTimeField(_("time"))
    ends_at = models.DateTimeField(_("ends"))
    seat = models.PositiveSmallIntegerField(
        _("seat"), default=0, help_text=_("Which of the time’s places (0 when one at a time).")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    created_at = models.DateTimeField(_("chosen at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # A held time not confirmed by then lapses (booking/lapsing.py); set when it is held.
    lapses_at = models.DateTimeField(_("lapses at"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)
    # The patient's calendar file is updated, not added again, when its SEQUENCE grows: one
    # more for each change of the time or the status (taking.py).
    calendar_sequence = models.PositiveIntegerField(_("calendar file version"), default=0)
    moved_from = models.DateTimeField(
        _("moved by the clinic from"),
        null=True,
        blank=True,
        help_text=_("The time before the front desk last moved it: the patient’s page says so."),
    )
    reminder_sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reminder sent by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # What the visit link and the calendar file's UID name (links.py, ics.py): random, so a
    # restore that puts the ids back can't hand an old link or event to the next booking.
    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)

    objects = BookingQuerySet.as_manager()

    class Meta:
        verbose_name = _("consultation time")
        verbose_name_plural = _("consultation times")
        ordering = ["starts_at", "seat"]
        constraints = [
            # Every database: one patient per seat of a time (see the module's docstring).
            models.UniqueConstraint(
                fields=["starts_at", "seat"],
                condition=Q(status__in=ACTIVE),
                name="booking_one_patient_a_seat",
            ),
            # One time at once per request: a double click can't hold two.
            models.UniqueConstraint(
                fields=["request"], condition=Q(status__in=ACTIVE), name="booking_one_per_request"
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="booking_ends_after_start"
            ),
        ]
        indexes = [
            models.Index(fields=["starts_at", "status"], name="booking_start_status"),
            models.Index(
                fields=["lapses_at"], condition=Q(status="held"), name="booking_held_lapses"
            ),
        ]

    def __str__(self):
        return f"#{self.request_id} {timezone.localtime(self.starts_at):%Y-%m-%d %H:%M}"

    @property
    def is_active(self):
        return self.status in ACTIVE


class CalendarFeed(models.Model):
    """A staff member's private calendar subscription. The address holds a random key whose hash
    alone is stored; a new address or turning it off revokes the old one at once."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        on_delete=models.CASCADE,
        related_name="calendar_feed",
    )
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("made"), default=timezone.now)
    last_read_at = models.DateTimeField(_("last read"), null=True, blank=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return str(self.user)
