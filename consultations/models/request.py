import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField

CLOSED_STATUSES = ("booked", "attended", "no_show", "not_interested", "unreachable", "spam")


# Counts shown to staff stop here: counting a million requests would cost every list its time.
COUNT_CAP = 10_000


class ConsultationRequestQuerySet(models.QuerySet):
    def capped_count(self):
        """How many, up to COUNT_CAP + 1 (more than the cap reads as "more than 10,000")."""
        return self[: COUNT_CAP + 1].count()

    def open(self):
        """Requests the front desk still works on; closed ones are never overdue."""
        return self.exclude(status__in=CLOSED_STATUSES)

    def new(self):
        return self.filter(status=ConsultationRequest.Status.NEW)

    def older_than(self, days):
        return self.filter(created_at__lt=timezone.now() - timedelta(days=days))

    def same_submission_since(self, fingerprint, since):
        return self.filter(fingerprint=fingerprint, created_at__gte=since)

    def earlier_from_number(self, phone):
        """The possible duplicate's meaning, narrower than `same_patient`: the same phone number
        (the request's `duplicate_of`, "No earlier request from this number")."""
        return self.filter(phone=phone).order_by("-created_at")

    def with_number(self, *numbers):
        """Requests whose phone or WhatsApp number is one of these (E.164)."""
        numbers = {str(number) for number in numbers}
        return self.filter(Q(phone__in=numbers) | Q(whatsapp__in=numbers))

    def same_patient(self, consultation):
        """The requests of this request's patient, itself among them: those sharing its phone or
        WhatsApp number, in either field (a patient often gives their WhatsApp as the phone of a
        later request)."""
        return self.with_number(consultation.phone, consultation.whatsapp)


class ConsultationRequest(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        CONTACTED = "contacted", _("Contacted")
        BOOKED = "booked", _("Booked")
        NOT_INTERESTED = "not_interested", _("Not interested")
        SPAM = "spam", _("Spam")
        UNREACHABLE = "unreachable", _("Unreachable")
        ATTENDED = "attended", _("Attended")
        NO_SHOW = "no_show", _("No-show")

    class BestTime(models.TextChoices):
        MORNING = "morning", _("Morning")
        AFTERNOON = "afternoon", _("Afternoon")
        EVENING = "evening", _("Evening")

    class Channel(models.TextChoices):
        CALL = "call", _("A call")
        WHATSAPP = "whatsapp", _("WhatsApp")

    name = models.CharField(_("name"), max_length=100)
    phone = PhoneNumberField(_("phone number"), db_index=True)
    whatsapp = PhoneNumberField(
        _("WhatsApp number"),
        db_index=True,
        help_text=_("The phone number unless the patient gave another."),
    )
    message = models.TextField(_("message"), blank=True, max_length=2000)
    consent_given_at = models.DateTimeField(
        _("consent given at"), help_text=_("When the patient agreed to be contacted.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    staff_notes = models.TextField(
        _("staff notes"), blank=True, help_text=_("Calls made, what was agreed, next steps.")
    )
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("earlier request from this number"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Set when the same phone number asked before: possibly the same patient."),
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        db_index=True,
        help_text=_("The language of the site the patient used: answer in it."),
    )
    source_path = models.CharField(_("sent from page"), max_length=200, blank=True, db_index=True)
    # The first page of the visit that sent it (visits/), found by the day's visitor key.
    landing_path = models.CharField(_("landing page"), max_length=200, blank=True)
    utm_source = models.CharField(_("campaign source"), max_length=100, blank=True, db_index=True)
    utm_medium = models.CharField(_("campaign medium"), max_length=100, blank=True)
    utm_campaign = models.CharField(_("campaign name"), max_length=100, blank=True)
    fingerprint = models.CharField(
        max_length=64,
        editable=False,
        help_text="Hash of the submitted answers, to recognise a resubmission of the same form.",
    )
    # The form shown (its signed time) and the answers sent with it: the same form sent again,
    # held on a host's disk while the database was away, or drained twice, is one row.
    submission_key = models.CharField(
        max_length=64, null=True, blank=True, unique=True, editable=False
    )
    best_time = models.CharField(
        _("best time to call"),
        max_length=10,
        choices=BestTime.choices,
        blank=True,
        db_default="",
    )
    prefers = models.CharField(
        _("call or WhatsApp"),
        max_length=10,
        choices=Channel.choices,
        blank=True,
        db_default="",
    )
    # The front desk's follow-up (lifecycle.py sets it): on the row so the lists filter by index.
    call_back_on = models.DateField(_("call back on"), null=True, blank=True, db_index=True)
    call_back_after = models.TimeField(
        _("call back after"), null=True, blank=True, help_text=_("Optional, e.g. 17:00.")
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Set to whoever first reaches the patient; change it to hand over."),
    )
    # Clocks in clinic hours (ground/hours.py), set once when the first attempt and the
    # first reached contact are logged, so the owner's report aggregates them in the database.
    minutes_to_first_attempt = models.PositiveIntegerField(
        _("minutes to first attempt"), null=True, blank=True, editable=False
    )
    minutes_to_first_reach = models.PositiveIntegerField(
        _("minutes to first reach"), null=True, blank=True, editable=False
    )
    # Set when it came in: the same number asked less than an hour before. The owner's report
    # leaves such repeats out of the clocks; stored, so that needs no join at a million rows.
    repeat_within_hour = models.BooleanField(default=False, db_default=False, editable=False)
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Set by the front desk's "Decline and stop this request's links": the picker reference and
    # the visit links of this request stop working.
    links_stopped_at = models.DateTimeField(
        _("links stopped at"), null=True, blank=True, editable=False
    )

    # What the patient's links name (references.py): random, so a restore that puts the ids back
    # can't hand an old link to the next request, and no link tells how many requests there are.
    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)

    objects = ConsultationRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("consultation request")
        verbose_name_plural = _("consultation requests")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "-created_at"], name="consult_status_created"),
            models.Index(fields=["fingerprint", "created_at"], name="consult_fingerprint"),
            models.Index(fields=["status", "call_back_on"], name="consult_status_callback"),
            # The owner's report reads a period's rows from the index alone (PostgreSQL).
            models.Index(
                fields=["created_at"],
                include=[
                    "status",
                    "source_path",
                    "utm_source",
                    "minutes_to_first_attempt",
                    "minutes_to_first_reach",
                    "repeat_within_hour",
                ],
                name="consult_report",
            ),
        ]

    def __str__(self):
        return f"{self.name} (#{self.pk})"

    @property
    def is_possible_duplicate(self):
        return self.duplicate_of_id is not None


class StaffNotification(models.Model):
    """The front desk's email of a new request, waiting to be sent (consultations/notifications.py).

    Written in the request's own transaction and deleted once sent. It names the request and
    nothing else about the patient: the email is built when it is sent, and an erasure, which
    deletes the request, takes what still waits with it.
    """

    request = models.OneToOneField(
        ConsultationRequest,
        verbose_name=_("consultation request"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    # The scheme and host the patient used, for the admin link in the email.
    site_url = models.CharField(max_length=200)
    created_at = models.DateTimeField(_("waiting since"), default=timezone.now)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    # Also the claim: a sender moves it forward before sending, so no other sends it meanwhile.
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now, db_index=True)
    last_error = models.CharField(_("last error"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("staff email waiting")
        verbose_name_plural = _("staff emails waiting")
        ordering = ["next_attempt_at"]

    def __str__(self):
        return f"#{self.request_id}"
