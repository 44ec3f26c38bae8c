"""What apps above consultations add to the requests' admin, without replacing it.

An app contributes a mixin class from its own `request_admin` module (frontdesk's adds the
worklist, the contact history and the report) with `@extends_request_admin`. consultations/
admin.py imports every such module, as Django's admin imports `admin` modules, and registers
one admin for the request: those mixins in front of its own class. A mixin adds to what the
admin has through the ModelAdmin's get_* methods, calling super().
"""

mixins = []


def extends_request_admin(mixin):
    mixins.append(mixin)
    return mixin


def with_fields(fieldsets, anchor, *, before=(), after=()):
    """The fieldsets with `before` and `after` put beside the field `anchor`, in its section."""
    changed = []
    for title, options in fieldsets:
        fields = list(options["fields"])
        if anchor in fields:
            at = fields.index(anchor)
            fields[at : at + 1] = [*before, anchor, *after]
        changed.append((title, {**options, "fields": tuple(fields)}))
    return tuple(changed)
