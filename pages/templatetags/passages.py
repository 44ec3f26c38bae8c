"""`{% passage "key" %}`: a passage of the page's words, in the page's language, where the
template puts it (pages/passages.py); `{% passage_text "key" %}` writes it as plain text, escaped,
for an attribute (an image's alt), and `{% passage_text "key" as title %}` keeps it for the
page's title and description."""

from django import template
from django.utils.translation import get_language

from pages.passages import plain, words

register = template.Library()


@register.simple_tag(takes_context=True)
def passage(context, key):
    return words(context, key, get_language())


@register.simple_tag(takes_context=True)
def passage_text(context, key):
    return plain(words(context, key, get_language()))
