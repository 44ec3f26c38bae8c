"""The admin's form of an item the clinic edits: English and Arabic side by side (the Arabic right
to left), rich text cleaned as it is saved, and what a submission or an approval needs first."""

import copy

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import escape
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from content import rich_text
from content.articles import TREATMENT_PAGES
from content.review import Status

SAVE, SUBMIT, APPROVE = "save", "submit", "approve"
# The button pressed: "Save draft" is the form's first (Enter in a field saves a draft).
BUTTONS = {"_submit": SUBMIT, "_approve": APPROVE}


def intent_of(request):
    return next((intent for name, intent in BUTTONS.items() if name in request.POST), SAVE)


class MomentInput(forms.DateTimeInput):
    """A moment as one field under its own label, with the browser's own picker (the admin's
    split date and time label neither half: axe). Its seconds are kept when it has any."""

    input_type = "datetime-local"

    def format_value(self, value):
        if hasattr(value, "second"):
            return value.strftime("%Y-%m-%dT%H:%M:%S" if value.second else "%Y-%m-%dT%H:%M")
        return super().format_value(value)


class DayInput(forms.DateInput):
    """A day under its own label, with the browser's own picker."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class ReviewedForm(forms.ModelForm):
    # Set for each request by the admin (admin_review.py).
    intent = SAVE
    may_publish = False

    stands_by_claims = forms.BooleanField(
        label=_("The clinic stands by these claims"),
        required=False,
        help_text=_(
            "Tick only once the clinic has decided to keep each flagged sentence as it is. "
            "Your name and the time are recorded with the tick."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name.endswith("_ar"):
                field.widget.attrs.update(dir="rtl", lang="ar")
            elif name.endswith("_en"):
                field.widget.attrs.update(dir="ltr", lang="en")
            elif name.removeprefix("draft_") in self._meta.model.left_to_right:
                field.widget.attrs.update(dir="ltr")
            # The admin writes help text as HTML; ours names tags to type.
            field.help_text = escape(field.help_text)
        for name in self._meta.model.rich_fields:
            if f"draft_{name}" in self.initial:
                self.initial[f"draft_{name}"] = rich_text.editable(self.initial[f"draft_{name}"])

    def clean(self):
        cleaned = super().clean()
        model = self._meta.model
        for name in model.rich_fields:
            if cleaned.get(f"draft_{name}"):
                cleaned[f"draft_{name}"] = model.cleaned_rich_text(name, cleaned[f"draft_{name}"])
        if self.intent != SAVE and not self.errors:
            for problem in self.problems(self.as_saved(cleaned), cleaned):
                self.add_error(None, problem)
        return cleaned

    def as_saved(self, cleaned):
        """The item as this form would save it (the instance itself changes only after clean)."""
        item = copy.copy(self.instance)
        for name, value in cleaned.items():
            if name.startswith("draft_"):
                setattr(item, name, value)
        return item

    def problems(self, item, cleaned):
        """Why it can't be submitted or approved yet, each said so an editor can act on it."""
        step = _("submitted") if self.intent == SUBMIT else _("published")
        missing = item.missing()
        if missing:
            names = ", ".join(
                str(capfirst(item._meta.get_field(f"draft_{name}").verbose_name))
                for name in missing
            )
            yield ValidationError(
                _(
                    "Both languages are needed before it can be %(step)s. Missing: %(names)s. "
                    "An Arabic page never shows the English in its place."
                ),
                code="missing_language",
                params={"step": step, "names": names},
            )
        if self.intent == SUBMIT and not missing and not item.may_submit():
            yield ValidationError(
                _("Nothing to review: the draft is the live text and no claim waits."),
                code="nothing_to_review",
            )
        if self.intent != APPROVE:
            return
        if not self.may_publish:
            yield ValidationError(
                _("Only a Clinic manager approves and publishes."), code="not_an_approver"
            )
        elif self.instance.status != Status.IN_REVIEW:
            yield ValidationError(
                _("Submit it for review first: only a draft in review is approved."),
                code="not_in_review",
            )
        waiting = item.flags_to_decide()
        if waiting and not cleaned.get("stands_by_claims"):
            yield ValidationError(
                ngettext(
                    "A flagged claim waits for the clinic's decision: rewrite it, or tick that "
                    "the clinic stands by it.",
                    "%(count)d flagged claims wait for the clinic's decision: rewrite them, or "
                    "tick that the clinic stands by them.",
                    len(waiting),
                ),
                code="claims_to_decide",
                params={"count": len(waiting)},
            )


class ArticleForm(ReviewedForm):
    # Content is below pages: the page names are content's own list (articles.TREATMENT_PAGES).
    draft_pages = forms.MultipleChoiceField(
        label=_("treatment pages"),
        choices=TREATMENT_PAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Each page chosen links to the article under “Read more”."),
    )
