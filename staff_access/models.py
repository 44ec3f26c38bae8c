from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StaffPreference(models.Model):
    """What a staff member chose for their own admin, kept whichever device they sign in on."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_preference"
    )
    language = models.CharField(_("admin language"), max_length=8, choices=settings.LANGUAGES)

    class Meta:
        verbose_name = _("staff preference")
        verbose_name_plural = _("staff preferences")

    def __str__(self):
        return f"{self.user} ({self.language})"


class RefusedSignIns(models.Model):
    """Sign-in tries refused while an address or a username was locked, counted per address.

    One row per address and lock: a scanner that keeps trying adds to a number, not to the
    database (each try used to add a trail row and a copy of its form to django-axes' record).
    """

    address = models.GenericIPAddressField(_("address"), null=True, blank=True, db_index=True)
    first_at = models.DateTimeField(_("first refused"), db_index=True)
    last_at = models.DateTimeField(_("last refused"))
    tries = models.PositiveIntegerField(_("tries"), default=1)

    class Meta:
        verbose_name = _("sign-ins refused while locked")
        verbose_name_plural = _("sign-ins refused while locked")
        ordering = ["-last_at"]

    def __str__(self):
        return f"{self.address or '?'}: {self.tries}"


class RecoveryCodeNumber(models.Model):
    """Which of the ten recovery codes a code is (1 to 10, in the order the list showed them),
    so the access trail can say which one was used without ever holding the code."""

    token = models.OneToOneField(
        "otp_static.StaticToken", on_delete=models.CASCADE, related_name="code_number"
    )
    number = models.PositiveSmallIntegerField()

    def __str__(self):
        return str(self.number)
