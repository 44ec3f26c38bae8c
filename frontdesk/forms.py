from django import forms
from django.utils.translation import gettext_lazy as _

from consultations.follow_ups import quick_date
from consultations.models import ContactEntry

LOGGABLE = [
    (value, label)
    for value, label in ContactEntry.Outcome.choices
    if value not in (ContactEntry.Outcome.STATUS_CHANGED, ContactEntry.Outcome.APPOINTMENT)
]


class LogContactForm(forms.Form):
    """One attempt: the outcome is the button pressed; note and call-back are optional."""

    outcome = forms.ChoiceField(label=_("outcome"), choices=LOGGABLE)
    note = forms.CharField(label=_("note"), required=False, max_length=1000, widget=forms.Textarea)
    call_back = forms.ChoiceField(
        label=_("call back"),
        required=False,
        widget=forms.RadioSelect,
        choices=[
            ("", _("No call-back")),
            ("tomorrow", _("Tomorrow")),
            ("in_3_days", _("In 3 days")),
            ("date", _("On the date below")),
        ],
    )
    call_back_on = forms.DateField(
        label=_("call back on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    call_back_after = forms.TimeField(
        label=_("after (optional)"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )

    def clean(self):
        data = super().clean()
        choice = data.get("call_back")
        if choice == "date" and not data.get("call_back_on"):
            self.add_error("call_back_on", _("Choose the date to call back on."))
        if choice in ("tomorrow", "in_3_days"):
            data["call_back_on"] = quick_date(choice)
        elif choice != "date":
            data["call_back_on"] = None
            data["call_back_after"] = None
        return data
