"""The clinic's contact details as patients read them: phone, WhatsApp, email, the street address
in English and Arabic, and the map link, reviewed and published like the rest of the content.

One record. Until it is first published, the site shows the details set where it is installed
(CLINIC_* in /etc/ecla-clinic/env); once published, the clinic's. The pages that must show them
without the database (the error pages, nginx's try-again page) show the last ones published that
this host read (content/host_copy.py)."""

import phonenumbers
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from content.review import LiveQuerySet, Reviewed

PHONE_HELP = _("With the country code, e.g. +971 4 123 4567. Shown as you type it, tidied.")


class ContactDetailsQuerySet(LiveQuerySet):
    def the_one(self):
        """The clinic's record, made the first time it is asked for, its draft the details the
        site shows today (the environment's, and the address as the site's code writes it)."""
        details = self.first()
        if details is None:
            details = self.create(**ContactDetails.drafted_from(settings.CLINIC))
        return details


class ContactDetails(Reviewed):
    reviewed_fields = ("phone", "whatsapp", "email", "address_en", "address_ar", "map_url")
    language_pairs = (("address_en", "address_ar"),)
    left_to_right = ("phone", "whatsapp", "email", "map_url")

    # Live: the header, the footer, the contact page, the structured data, the error pages.
    phone = models.CharField(_("phone, live"), max_length=30, blank=True)
    whatsapp = models.CharField(_("WhatsApp, live"), max_length=30, blank=True)
    email = models.EmailField(_("email, live"), blank=True)
    address_en = models.CharField(_("street address (English), live"), max_length=200, blank=True)
    address_ar = models.CharField(_("street address (Arabic), live"), max_length=200, blank=True)
    map_url = models.URLField(_("map link, live"), max_length=500, blank=True)
    # The draft.
    draft_phone = models.CharField(_("phone"), max_length=30, help_text=PHONE_HELP)
    draft_whatsapp = models.CharField(
        _("WhatsApp"),
        max_length=30,
        blank=True,
        help_text=_("The number patients message, e.g. +971 50 123 4567. Empty: not shown."),
    )
    draft_email = models.EmailField(_("email"), blank=True, help_text=_("Empty: not shown."))
    draft_address_en = models.CharField(
        _("street address (English)"),
        max_length=200,
        blank=True,
        help_text=_("Without the city: “Dubai, United Arab Emirates” follows it."),
    )
    draft_address_ar = models.CharField(_("street address (Arabic)"), max_length=200, blank=True)
    draft_map_url = models.URLField(
        _("map link"),
        max_length=500,
        blank=True,
        help_text=_("The “open in maps” link, e.g. the clinic's page on Google Maps."),
    )

    history = HistoricalRecords()
    objects = ContactDetailsQuerySet.as_manager()

    class Meta:
        verbose_name = _("contact details")
        verbose_name_plural = _("contact details")
        permissions = [
            ("publish_contactdetails", "Can approve, publish and revert contact details")
        ]

    def __str__(self):
        return str(_("The clinic's contact details"))

    @staticmethod
    def drafted_from(details):
        """A first draft from the details the site shows today (settings.CLINIC)."""
        addresses = {}
        for code in ("en", "ar"):
            with translation.override(code):
                addresses[f"draft_address_{code}"] = str(details["street_address"])
        return {
            "draft_phone": details["phone"],
            "draft_whatsapp": details["whatsapp"],
            "draft_email": details["email"],
            "draft_map_url": details["map_url"],
            **addresses,
        }

    def clean(self):
        errors = {}
        for name in ("draft_phone", "draft_whatsapp"):
            typed = getattr(self, name).strip()
            if not typed:
                continue
            shown = as_shown(typed)
            if shown is None:
                errors[name] = ValidationError(
                    _("Not a phone number we can call: type it with its country code."),
                    code="invalid_phone",
                )
            else:
                setattr(self, name, shown)
        if errors:
            raise ValidationError(errors)


def as_shown(typed):
    """A phone number as the site shows it (+971 4 123 4567), or None if it isn't one."""
    try:
        number = phonenumbers.parse(typed, settings.PHONENUMBER_DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
