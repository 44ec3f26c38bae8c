"""The FAQ, kept as data so the page and its FAQPage structured data say the same thing."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Question:
    question: str
    answer: str


FAQS = [
    Question(
        _("How many sessions are needed?"),
        _("Typically, 1–2 sessions are recommended, with follow-ups based on individual response."),
    ),
    Question(
        _("Are there any side effects?"),
        _(
            "Side effects are rare but may include mild redness or tenderness at the "
            "injection sites."
        ),
    ),
    Question(
        _("When will I see results?"),
        _("Results usually begin to appear within 3–6 months after the procedure."),
    ),
    Question(
        _("Can exosome therapy treat complete baldness?"),
        _(
            "The treatment is most effective for individuals with active hair follicles and less "
            "beneficial for complete baldness."
        ),
    ),
]
