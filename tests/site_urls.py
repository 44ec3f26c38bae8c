"""The site's pages as the tests see them: every URL a patient can open from the navigation."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

PAGE_NAMES = [
    "pages:home",
    "pages:hair-loss",
    "pages:exosome-therapy",
    "pages:treatments-compared",
    "pages:procedure",
    "pages:cost-and-safety",
    "pages:faq",
    "pages:contact",
    "pages:privacy",
    "consultations:form",
]
LANGUAGE_CODES = [code for code, _ in settings.LANGUAGES]


def page_urls(language="en"):
    with translation.override(language):
        return [reverse(name) for name in PAGE_NAMES]


def all_page_urls():
    """Every page in every language: (language, url)."""
    return [(code, url) for code in LANGUAGE_CODES for url in page_urls(code)]
