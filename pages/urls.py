from django.urls import path

from ground.kept import kept_page
from pages.faq import FAQS

app_name = "pages"

urlpatterns = [
    # The home page carries the consultation form: its template's {% consultation_form %}.
    path("", kept_page("pages/home.html", faqs=FAQS), name="home"),
    path("hair-loss/", kept_page("pages/hair_loss.html"), name="hair-loss"),
    path("exosome-therapy/", kept_page("pages/exosome_therapy.html"), name="exosome-therapy"),
    path(
        "treatments-compared/",
        kept_page("pages/treatments_compared.html"),
        name="treatments-compared",
    ),
    path("procedure/", kept_page("pages/procedure.html"), name="procedure"),
    path("cost-and-safety/", kept_page("pages/cost_and_safety.html"), name="cost-and-safety"),
    path("faq/", kept_page("pages/faq.html", faqs=FAQS), name="faq"),
    path("contact/", kept_page("pages/contact.html"), name="contact"),
    path("privacy/", kept_page("pages/privacy.html"), name="privacy"),
]
