from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AccessEventQuerySet(models.QuerySet):
    def about(self, model, ids):
        """Events whose target is one of these rows of `model`."""
        return self.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=[str(pk) for pk in ids],
        )


class AccessEvent(models.Model):
    """One thing a staff member did or saw. Appended, never edited (except to forget values)."""

    class Action(models.TextChoices):
        VIEWED = "viewed", _("Viewed")
        CHANGED = "changed", _("Changed")
        BULK_ACTION = "bulk_action", _("Bulk action")
        EXPORTED = "exported", _("Exported")
        SIGNED_IN = "signed_in", _("Signed in")
        SIGN_IN_FAILED = "sign_in_failed", _("Sign-in failed")
        SIGN_IN_REFUSED = "sign_in_refused", _("Sign-ins refused while locked")
        WRONG_CODE = "wrong_code", _("Wrong sign-in code")
        RECOVERY_CODE_USED = "recovery_code_used", _("Recovery code used")
        SIGNED_OUT = "signed_out", _("Signed out")
        TWO_FACTOR_RESET = "two_factor_reset", _("Authenticator app reset")
        PERSONAL_DATA_EXPORTED = "personal_data_exported", _("Patient data exported")
        PERSONAL_DATA_ERASED = "personal_data_erased", _("Patient data erased")
        # The steps of a text the clinic edits (draft, review, publication); a saved draft is
        # "changed".
        SUBMITTED = "submitted", _("Submitted for review")
        PUBLISHED = "published", _("Published")
        REVERTED = "reverted", _("Reverted")

    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    username = models.CharField(
        _("username"),
        max_length=150,
        blank=True,
        db_index=True,
        help_text=_("As it was at the time; kept when the account is deleted."),
    )
    action = models.CharField(_("action"), max_length=30, choices=Action.choices, db_index=True)
    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("target type"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    object_id = models.CharField(_("target id"), max_length=64, blank=True, db_index=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True, encoder=DjangoJSONEncoder)

    objects = AccessEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("access trail entry")
        verbose_name_plural = _("access trail entries")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="audit_target")]

    def __str__(self):
        return f"{self.username or '-'} {self.get_action_display()} {self.target_label}".strip()

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("Access events are appended, never edited.")
        super().save(*args, **kwargs)

    @property
    def target_label(self):
        if not self.content_type_id:
            return ""
        name = self.content_type.name
        return f"{name} #{self.object_id}" if self.object_id else name
