from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class ConsultationSitemap(Sitemap):
    """The free-consultation form, after the content pages in sitemap.xml."""

    changefreq = "monthly"
    i18n = True
    alternates = True
    x_default = True
    priority = 1.0

    def items(self):
        return ["consultations:form"]

    def location(self, name):
        return reverse(name)
