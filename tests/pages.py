"""The site's pages as the tests see them: every URL a patient can open from the navigation."""

from django.urls import reverse

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


def page_urls():
    return [reverse(name) for name in PAGE_NAMES]
