import hashlib
import time

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Layout, Submit
from django import forms
from django.conf import settings
from django.core import signing
from django.core.validators import ProhibitNullCharactersValidator
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from phonenumber_field.formfields import PhoneNumberField

from consultations.models import ConsultationRequest
from ground.text import has_hidden_characters

TIMESTAMP_SALT = "consultations.form-rendered-at"

PHONE_INVALID = _(
    "This doesn’t look like a phone number. Check the digits: for example 050 123 4567, "
    "or +44 20 7946 0000 for a number outside the UAE."
)


FORM_EXPIRED = _(
    "This form was open for a long time, so for your security we could not send it. Your "
    "answers are still here: please check them and send the form again."
)


def signed_timestamp(seconds_ago=0):
    return signing.TimestampSigner(salt=TIMESTAMP_SALT).sign(str(time.time() - seconds_ago))


def seconds_since(signed_value):
    """Seconds since the form was rendered, or None when the value was not made by us."""
    try:
        rendered_at = float(signing.TimestampSigner(salt=TIMESTAMP_SALT).unsign(signed_value))
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return time.time() - rendered_at


def has_expired(signed_value):
    """True for a timestamp of ours older than the form's lifetime: a harvested form replayed."""
    age = seconds_since(signed_value)
    return age is not None and age > settings.CONSULTATION_FORM_MAX_AGE_SECONDS


def phone_field(label, **kwargs):
    return PhoneNumberField(
        label=label,
        region="AE",
        error_messages={"invalid": PHONE_INVALID, **kwargs.pop("error_messages", {})},
        widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "autocomplete": "tel"}),
        **kwargs,
    )


class ConsultationForm(forms.ModelForm):
    name = forms.CharField(
        label=_("Full name"),
        max_length=100,
        error_messages={
            "required": _("Please tell us your name."),
            "max_length": _("Please shorten your name to 100 characters or fewer."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    phone = phone_field(
        _("Phone number"),
        error_messages={"required": _("Please enter a phone number we can call you on.")},
    )
    whatsapp_same = forms.BooleanField(
        label=_("My WhatsApp number is the same as my phone number"),
        required=False,
        initial=True,
    )
    whatsapp = phone_field(
        _("WhatsApp number"),
        required=False,
        help_text=_("Only if it is different from your phone number."),
    )
    message = forms.CharField(
        label=_("Message (optional)"),
        required=False,
        max_length=2000,
        error_messages={"max_length": _("Please shorten your message to 2,000 characters.")},
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example, how long you have noticed hair loss, or a good time to call."),
    )
    best_time = forms.ChoiceField(
        label=_("Best time to call (optional)"),
        required=False,
        choices=[("", _("Any time")), *ConsultationRequest.BestTime.choices],
        widget=forms.RadioSelect,
    )
    prefers = forms.ChoiceField(
        label=_("Call or WhatsApp? (optional)"),
        required=False,
        choices=[("", _("Either")), *ConsultationRequest.Channel.choices],
        widget=forms.RadioSelect,
    )
    consent = forms.BooleanField(
        error_messages={"required": _("Please tick this box so that we may contact you.")},
    )
    # Anti-spam: a field people never see (bots fill it in), and when the form was shown.
    contact_reference = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    rendered_at = forms.CharField(required=False, widget=forms.HiddenInput)
    # Hidden: it must never show the patient an error, so it is cut to length, not refused.
    source_path = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = ConsultationRequest
        fields = ["name", "phone", "whatsapp", "message", "best_time", "prefers", "source_path"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A fresh timestamp for each new form; a form shown again after an error keeps the
        # one it was first shown with, so correcting a field quickly doesn't look like a bot.
        self.fields["rendered_at"].initial = signed_timestamp()
        for name in ("name", "message"):
            self.fields[name].validators = [
                v
                for v in self.fields[name].validators
                if not isinstance(v, ProhibitNullCharactersValidator)
            ]
        self.fields["consent"].label = format_html(
            _(
                "I agree that Ecla Clinic may call or WhatsApp me about my request, as "
                'described in the <a href="{privacy_url}">privacy notice</a>.'
            ),
            privacy_url=reverse("pages:privacy"),
        )
        self.helper = FormHelper()
        self.helper.form_action = reverse("consultations:form")
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout(
            "name",
            "phone",
            Div("whatsapp_same", "whatsapp", css_class="whatsapp-choice"),
            "message",
            "best_time",
            "prefers",
            "consent",
            Div(Field("contact_reference"), css_class="hp-field"),
            "rendered_at",
            "source_path",
            Submit("submit", _("Request my free consultation"), css_class="button"),
        )

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if has_hidden_characters(name, allowed=""):
            raise forms.ValidationError(
                _("Your name contains hidden characters we can’t store. Please type it again."),
                code="hidden_characters",
            )
        if not any(char.isalpha() for char in name):
            raise forms.ValidationError(_("Please tell us your name."), code="no_letters")
        return name

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if has_hidden_characters(message):
            raise forms.ValidationError(
                _("Your message contains hidden characters we can’t store. Please type it again."),
                code="hidden_characters",
            )
        return message

    def clean_source_path(self):
        path = self.cleaned_data["source_path"]
        # Only a path on this site: never a full address someone could plant for staff.
        if not path.startswith("/") or path.startswith("//") or has_hidden_characters(path):
            return ""
        return path[: ConsultationRequest._meta.get_field("source_path").max_length]

    def clean_rendered_at(self):
        rendered_at = self.cleaned_data["rendered_at"]
        if has_expired(rendered_at):
            # Shown again with a new timestamp, dated so that sending it straight away is not
            # taken for a bot's speed: the patient has already spent their time on it.
            self.data = self.data.copy()
            self.data["rendered_at"] = signed_timestamp(settings.CONSULTATION_MIN_FILL_SECONDS)
            self.add_error(None, forms.ValidationError(FORM_EXPIRED, code="expired"))
        return rendered_at

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("whatsapp_same"):
            # The WhatsApp box is hidden while "same" is ticked: ignore whatever is left in it.
            self._errors.pop("whatsapp", None)
            cleaned["whatsapp"] = cleaned.get("phone")
        elif not cleaned.get("whatsapp") and "whatsapp" not in self._errors:
            cleaned["whatsapp"] = cleaned.get("phone")
        return cleaned

    def looks_automated(self):
        """True for the signs of a bot: the hidden field filled, or sent implausibly fast."""
        if self.cleaned_data.get("contact_reference"):
            return True
        age = seconds_since(self.cleaned_data.get("rendered_at"))
        return age is None or age < settings.CONSULTATION_MIN_FILL_SECONDS

    def submission_key(self):
        """This form, as shown, with these answers: one request however often it is sent."""
        shown = str(self.cleaned_data.get("rendered_at", ""))
        return hashlib.sha256(f"{shown}\x1f{self.fingerprint()}".encode()).hexdigest()

    def fingerprint(self):
        """The same answers give the same value: a double click or a reload is one request."""
        data = self.cleaned_data
        parts = [
            data["name"].casefold(),
            str(data["phone"]),
            str(data["whatsapp"]),
            data["message"],
        ]
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
