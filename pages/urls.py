from django.urls import path
from django.views.decorators.cache import cache_page
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from consultations.prerendered import form_page
from pages.faq import FAQS

app_name = "pages"


def content_page(template_name, **extra_context):
    """A page that is all template: rendered once per process and address, then served as is.

    Rendering one took about four times as long as a minimal Django view (bench/throughput.sh).
    The home page is not one of these: its consultation form carries a fresh CSRF token and
    timestamp for every visitor (see home()).
    """
    view = TemplateView.as_view(template_name=template_name, extra_context=extra_context)
    # Compressed before it is kept, so a cached page isn't compressed again for every request.
    return cache_page(600, cache="pages")(gzip_page(view))


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
