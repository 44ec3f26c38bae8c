from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from content import live
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


class ArticleSitemap(Sitemap):
    """Each article showing now, and their list while there is one, in both languages."""

    changefreq = "monthly"
    i18n = True
    alternates = True
    x_default = True
    priority = 0.6

    def items(self):
        articles = live.articles_now()
        if not articles:
            return []
        # The list: as new as its newest article.
        newest = max(article.modified_on for article in articles)
        return [(None, newest)] + [(article.slug, article.modified_on) for article in articles]

    def location(self, item):
        slug = item[0]
        return reverse("pages:article", args=[slug]) if slug else reverse("pages:articles")

    def lastmod(self, item):
        return item[1]
