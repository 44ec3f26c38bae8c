"""For any ModelAdmin: a filter or search value carrying a control character (NUL among them)
or a bidi override is a filter the list can't apply, answered as Django's admin answers one
(its "invalid setup" page), never sent to the database: PostgreSQL refuses a NUL outright."""

from django.contrib.admin.options import IncorrectLookupParameters

from ground.text import has_hidden_characters


class RefuseHiddenCharacters:
    def get_changelist_instance(self, request):
        if any(
            has_hidden_characters(key + "".join(values), allowed="")
            for key, values in request.GET.lists()
        ):
            raise IncorrectLookupParameters("A filter or search value has hidden characters.")
        return super().get_changelist_instance(request)
