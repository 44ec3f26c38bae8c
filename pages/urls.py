from django.urls import path
from django.views.decorators.http import require_safe

from consultations.prerendered import form_page
from pages.faq import FAQS
from pages.kept import content_page

app_name = "pages"


@require_safe
def home(request):
    """Kept rendered like a content page, with this visitor's own consultation form put in."""
    return form_page(request, "pages/home.html", source_path=request.path, faqs=FAQS)


urlpatterns = [
    path("", home, name="home"),
    path("hair-loss/", content_page("pages/hair_loss.html"), name="hair-loss"),
    path("exosome-therapy/", content_page("pages/exosome_therapy.html"), name="exosome-therapy"),
    path(
        "treatments-compared/",
        content_page("pages/treatments_compared.html"),
        name="treatments-compared",
    ),
    path("procedure/", content_page("pages/procedure.html"), name="procedure"),
    path("cost-and-safety/", content_page("pages/cost_and_safety.html"), name="cost-and-safety"),
    path("faq/", content_page("pages/faq.html", faqs=FAQS), name="faq"),
    path("contact/", content_page("pages/contact.html"), name="contact"),
    path("privacy/", content_page("pages/privacy.html"), name="privacy"),
]
