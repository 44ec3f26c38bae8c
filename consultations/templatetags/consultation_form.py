from django import template

from consultations.forms import ConsultationForm
from consultations.page_cache_form import slot_form

register = template.Library()


@register.inclusion_tag("consultations/includes/form.html", takes_context=True)
def consultation_form(context):
    """A fresh consultation form for any page (the home page carries one).

    While a page is rendered to be kept (ground/page_cache.py), the form carries slots for each
    visitor's own values instead (consultations/page_cache_form.py).
    """
    request = context["request"]
    if context.get("rendering_to_keep"):
        form = slot_form()
    else:
        form = ConsultationForm(initial={"source_path": request.path})
    return {"form": form, "csrf_token": context.get("csrf_token"), "request": request}
