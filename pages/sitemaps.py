from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class PageSitemap(Sitemap):
    """Every content page a patient can land on from a search engine."""

    changefreq = "monthly"
    # One entry per page and language, each listing the others as hreflang alternates.
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return [
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

    def location(self, item):
        return reverse(item)

    def priority(self, item):
        return 1.0 if item in {"pages:home", "consultations:form"} else 0.8
