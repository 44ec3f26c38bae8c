"""{% slot "dotted.path.to.function" %}: a value that differs for each visitor on a page that may
be served from the page cache (ground/page_cache.py).

The function takes the request and gives the visitor's value (text, escaped as it is written, or
safe HTML). The template names it by its dotted path so that a reader finds it at once, and no
registry has to be filled in before the page is rendered. Rendered for the page cache, the tag
writes a marker and records the function on the page being rendered; rendered as usual, it
writes the value itself.
"""

from django import template
from django.utils.module_loading import import_string

from ground.page_cache import SLOTS

register = template.Library()


@register.simple_tag(takes_context=True)
def slot(context, function_path):
    value = import_string(function_path)
    slots = context.get(SLOTS)
    if slots is None:
        return value(context["request"])
    return slots.slot(value)
