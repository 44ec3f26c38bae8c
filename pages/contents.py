"""The site's pages, listed once: the URLs, the sitemap, the header and the footer read them."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from pages.faq import published_faqs


@dataclass(frozen=True)
class Page:
    name: str  # the URL's name, "pages:<name>"
    path: str
    template: str
    header_label: str | None  # in the header's navigation, with this label (None: not there)
    footer_label: str
    context: dict = field(default_factory=dict)
    priority: float = 0.8  # for search engines (sitemap.xml)

    @property
    def url_name(self):
        return f"pages:{self.name}"


PAGES = (
    Page("home", "", "pages/home.html", None, _("Home"), {"faqs": published_faqs}, priority=1.0),
    Page(
        "hair-loss",
        "hair-loss/",
        "pages/hair_loss.html",
        _("Hair loss"),
        _("Understanding hair loss"),
    ),
    Page(
        "exosome-therapy",
        "exosome-therapy/",
        "pages/exosome_therapy.html",
        _("Exosome therapy"),
        _("Exosome therapy"),
    ),
    Page(
        "treatments-compared",
        "treatments-compared/",
        "pages/treatments_compared.html",
        _("Compare treatments"),
        _("Treatments compared"),
    ),
    Page(
        "procedure",
        "procedure/",
        "pages/procedure.html",
        _("Procedure"),
        _("The procedure and aftercare"),
    ),
    Page(
        "cost-and-safety",
        "cost-and-safety/",
        "pages/cost_and_safety.html",
        _("Cost & safety"),
        _("Cost and safety"),
    ),
    Page(
        "faq",
        "faq/",
        "pages/faq.html",
        _("FAQ"),
        _("Frequently asked questions"),
        {"faqs": published_faqs},
    ),
    Page("contact", "contact/", "pages/contact.html", _("Contact"), _("Contact")),
    Page("privacy", "privacy/", "pages/privacy.html", None, _("Privacy")),
)
