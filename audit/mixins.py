from django.core.exceptions import FieldDoesNotExist

from audit.trail import Action, model_changes, record


class AccessTrailAdminMixin:
    """For a ModelAdmin: record who opened which change page, and each change with its values."""

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "GET" and response.status_code == 200:
            original = getattr(response, "context_data", {}).get("original")
            if original is not None:
                record(request, Action.VIEWED, original)
        return response

    def save_model(self, request, obj, form, change):
        before = type(obj)._default_manager.get(pk=obj.pk) if change else None
        super().save_model(request, obj, form, change)
        if change:
            changes = model_changes(before, obj, self._model_fields(obj, form.changed_data))
            if changes:
                record(request, Action.CHANGED, obj, changes=changes)

    @staticmethod
    def _model_fields(obj, names):
        fields = []
        for name in names:
            try:
                obj._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            fields.append(name)
        return fields
