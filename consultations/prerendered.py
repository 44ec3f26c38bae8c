"""The pages that carry the consultation form, rendered once and filled in for each visitor.

Rendering the home page or /consultation/ took about fourteen times as long as a minimal Django
view: two thirds of it crispy-forms laying out the form field by field, the rest the page's own
templates (bench/throughput.sh; profiled with cProfile). Only three values in those pages differ
from one visitor to the next: the CSRF token (masked for the visitor's own cookie), the signed
time the form was shown, and the page the patient came from. So each page is rendered once per
process, language, scheme, host and path, with a slot in place of each of those values, and
every visitor gets that page with their own values put in (compressed in parts: page_parts.py).
A form shown again after an error is rendered in full, as before: it carries the answers.
"""

from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.html import escape

from consultations.forms import ConsultationForm, signed_timestamp
from consultations.page_parts import PageParts
from ground.kept_pages import accepts_gzip, page_key

# Text that nothing else on a page can contain: no patient's input is ever in a kept page.
CSRF_SLOT = "prerendered-slot-csrf-token"
RENDERED_AT_SLOT = "prerendered-slot-rendered-at"
SOURCE_PATH_SLOT = "prerendered-slot-source-path"
SLOTS = (CSRF_SLOT, RENDERED_AT_SLOT, SOURCE_PATH_SLOT)


def slot_form():
    """The form as it is kept: slots where a visitor's timestamp and source page go."""
    return ConsultationForm(
        initial={"rendered_at": RENDERED_AT_SLOT, "source_path": SOURCE_PATH_SLOT}
    )


def kept_page(request, template_name, context):
    pages = caches["pages"]
    key = page_key("form-page", request, template_name)
    page = pages.get(key)
    if page is None:
        context = {**context, "form": slot_form(), "csrf_token": CSRF_SLOT, "prerendering": True}
        page = PageParts(render_to_string(template_name, context, request), SLOTS)
        pages.set(key, page)
    return page


def form_page(request, template_name, *, source_path, **context):
    """The page with a fresh consultation form for this visitor."""
    page = kept_page(request, template_name, context)
    values = {
        # get_token() also makes sure the visitor gets the cookie the token is masked for.
        CSRF_SLOT: get_token(request),
        RENDERED_AT_SLOT: signed_timestamp(),
        SOURCE_PATH_SLOT: escape(source_path),
    }
    if accepts_gzip(request):
        response = HttpResponse(page.gzipped(values))
        response["Content-Encoding"] = "gzip"
        patch_vary_headers(response, ("Accept-Encoding",))
    else:
        response = HttpResponse(page.body(values))
    # The page carries this visitor's own form token: no shared cache may hand it to another
    # (one that ignores Vary: Cookie would).
    patch_cache_control(response, private=True)
    return response
