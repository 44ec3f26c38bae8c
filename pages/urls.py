from django.urls import path
from django.views.generic import TemplateView

from pages.faq import FAQS

app_name = "pages"

urlpatterns = [
    path(
        "",
        TemplateView.as_view(template_name="pages/home.html", extra_context={"faqs": FAQS}),
        name="home",
    ),
    path(
        "hair-loss/", TemplateView.as_view(template_name="pages/hair_loss.html"), name="hair-loss"
    ),
    path(
        "exosome-therapy/",
        TemplateView.as_view(template_name="pages/exosome_therapy.html"),
        name="exosome-therapy",
    ),
    path(
        "treatments-compared/",
        TemplateView.as_view(template_name="pages/treatments_compared.html"),
        name="treatments-compared",
    ),
    path(
        "procedure/", TemplateView.as_view(template_name="pages/procedure.html"), name="procedure"
    ),
    path(
        "cost-and-safety/",
        TemplateView.as_view(template_name="pages/cost_and_safety.html"),
        name="cost-and-safety",
    ),
    path(
        "faq/",
        TemplateView.as_view(template_name="pages/faq.html", extra_context={"faqs": FAQS}),
        name="faq",
    ),
    path("contact/", TemplateView.as_view(template_name="pages/contact.html"), name="contact"),
    path("privacy/", TemplateView.as_view(template_name="pages/privacy.html"), name="privacy"),
]
