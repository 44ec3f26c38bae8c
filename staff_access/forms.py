from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autofocus": True,
                "spellcheck": "false",
                "aria-describedby": "code-help",
            }
        ),
    )


class AppCodeForm(CodeForm):
    """At enrolment only the app's six digits make sense: offer a number keypad."""

    code = forms.CharField(
        label=_("Code from the app"),
        max_length=7,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "inputmode": "numeric"}
        ),
    )
