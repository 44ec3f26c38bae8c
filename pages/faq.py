"""The FAQ as the clinic published it (content/: edited, reviewed and published in the admin), in
the page's language: the page, the home page's first questions and the FAQPage structured data
say the same thing."""

from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from content import live, rich_text


@dataclass(frozen=True)
class Question:
    question: str
    answer: SafeString  # paragraphs, lists, links and emphasis, sanitised (content/rich_text.py)

    @property
    def answer_text(self):
        """The answer as plain text, for the structured data."""
        return rich_text.text_of(self.answer)


def in_language(faqs, language):
    # Sanitised when saved and again when read (content/live.py).
    return [Question(faq.question(language), mark_safe(faq.answer(language))) for faq in faqs]  # noqa: S308


def published_faqs():
    """The published questions in the page's language, read only when a page is rendered."""
    return in_language(live.content().faqs, get_language())
