"""Filters for ground/isolates.py: {{ name|name_bdi }}, {{ phone|number_ltr }},
{{ message|message_lines }}."""

from django import template

from ground import isolates

register = template.Library()

register.filter("name_bdi", isolates.name_bdi)
register.filter("number_ltr", isolates.number_ltr)
register.filter("message_lines", isolates.message_lines)
