from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from pages.contents import PAGES


class PageSitemap(Sitemap):
    """Every content page a patient can land on from a search engine."""

    changefreq = "monthly"
    # One entry per page and language, each listing the others as hreflang alternates.
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return list(PAGES)

    def location(self, page):
        return reverse(page.url_name)

    def priority(self, page):
        return page.priority
