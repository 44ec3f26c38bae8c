from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
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


class StaffAuthenticationForm(AdminAuthenticationForm):
    def clean(self):
        # Django sets the username's max_length without its validator. No account has a longer
        # name, and django-axes' record of one past 255 characters fails on PostgreSQL: answer as
        # for any wrong password, without a lookup.
        username = self.cleaned_data.get("username") or ""
        if len(username) > self.username_field.max_length:
            raise self.get_invalid_login_error()
        return super().clean()
