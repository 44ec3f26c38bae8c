from django import template

from consultations.forms import ConsultationForm
from consultations.page_cache_form import slot_form
from ground.page_cache import SLOTS

register = template.Library()


@register.inclusion_tag("consultations/includes/form.html", takes_context=True)
def consultation_form(context):
    """A fresh consultation form for any page (the home page carries one).

    While a page is rendered for the page cache (ground/page_cache.py), the form carries slots
    for each visitor's own values instead (consultations/page_cache_form.py).
    """
    request = context["request"]
    if slots := context.get(SLOTS):
        form = slot_form(slots)
    else:
        form = ConsultationForm(initial={"source_path": request.path})
    return {"form": form, "csrf_token": context.get("csrf_token"), "request": request}
