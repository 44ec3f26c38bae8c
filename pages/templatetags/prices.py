from django import template
from django.template.loader import render_to_string

from pages.prices import published_prices

register = template.Library()


@register.simple_tag(takes_context=True)
def price_section(context):
    """The cost page's "Prices" section, with the published prices (on a preview, the draft's
    in place: pages/preview.py); nothing at all while none is published."""
    prices = context.get("prices_preview") or published_prices()
    if not prices:
        return ""
    return render_to_string("includes/prices.html", {"prices": prices})
