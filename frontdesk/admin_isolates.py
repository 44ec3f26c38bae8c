"""The request's change page in either admin language: the numbers' inputs left to right, the
name's input in the direction of what is typed, and the patient's name in the subtitle isolated,
so "مريم الحربي (#12)" keeps its "(#12)" after the name (ground/isolates.py says why)."""

from ground.isolates import isolated

NUMBERS = {"phone", "whatsapp"}


class IsolatedNamesAndNumbers:
    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and db_field.name in NUMBERS:
            field.widget.attrs["dir"] = "ltr"
        elif field is not None and db_field.name == "name":
            field.widget.attrs["dir"] = "auto"
        return field

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context["subtitle"] = f"{isolated(obj.name)} (#{obj.pk})"
        return super().render_change_form(request, context, add, change, form_url, obj)
