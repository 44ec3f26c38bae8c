from django import template

from consultations.forms import ConsultationForm

register = template.Library()


@register.inclusion_tag("consultations/includes/form.html", takes_context=True)
def consultation_form(context):
    """A fresh consultation form for any page (the home page carries one)."""
    request = context["request"]
    return {
        "form": ConsultationForm(initial={"source_path": request.path}),
        "csrf_token": context.get("csrf_token"),
        "request": request,
    }
