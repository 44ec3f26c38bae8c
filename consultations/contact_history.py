from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consultations import notes
from consultations.models import ConsultationRequest

Status = ConsultationRequest.Status


class ContactEntry(models.Model):
    """One thing that happened to a request: an attempt to reach the patient or a status change.

    Appended, never edited: the front desk's history of who called whom, and when. Its table
    keeps the name it had when the model was the front desk's (migration 0012).
    """

    class Outcome(models.TextChoices):
        NO_ANSWER = "no_answer", _("Called, no answer")
        VOICEMAIL = "voicemail", _("Voicemail")
        WHATSAPP_SENT = "whatsapp_sent", _("WhatsApp sent")
        WHATSAPP_REPLIED = "whatsapp_replied", _("WhatsApp replied")
        WRONG_NUMBER = "wrong_number", _("Wrong number")
        CALL_BACK_LATER = "call_back_later", _("Call back later")
        BOOKED = "booked", _("Booked")
        NOT_INTERESTED = "not_interested", _("Not interested")
        ATTENDED = "attended", _("Attended")
        NO_SHOW = "no_show", _("No-show")
        # Not an attempt: the status was changed another way (change form, bulk action).
        STATUS_CHANGED = "status_changed", _("Status changed")
        # Not an attempt either: a consultation time chosen, confirmed, declined or moved.
        APPOINTMENT = "appointment", _("Consultation time")

    class Channel(models.TextChoices):
        PHONE = "phone", _("Phone")
        WHATSAPP = "whatsapp", _("WhatsApp")
        CLINIC = "clinic", _("At the clinic")
        ADMIN = "admin", _("Admin")
        WEBSITE = "website", _("Website")

    request = models.ForeignKey(
        ConsultationRequest,
        verbose_name=_("request"),
        on_delete=models.CASCADE,
        related_name="contact_entries",
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    username = models.CharField(_("staff member"), max_length=150, blank=True)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    status_before = models.CharField(_("status before"), max_length=20, choices=Status.choices)
    status_after = models.CharField(_("status after"), max_length=20, choices=Status.choices)
    note = models.TextField(_("note"), blank=True, max_length=1000)
    # A note the site wrote (consultations/notes.py): its English words and moments, so that each
    # reader sees it in their language.
    note_event = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        db_table = "frontdesk_contactentry"
        verbose_name = _("contact history entry")
        verbose_name_plural = _("contact history")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["request", "-created_at"], name="frontdesk_entry_request")]
        permissions = [("view_requests_report", _("Can see the requests report"))]

    def __str__(self):
        return f"{self.get_outcome_display()} (#{self.request_id})"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("The contact history is appended to, never edited.")
        super().save(*args, **kwargs)

    def note_to_read(self):
        """The note in the reader's language where the site wrote it; else as it was written."""
        return notes.read(self.note_event) if self.note_event else self.note
