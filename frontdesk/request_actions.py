"""The bulk actions of the requests' list (frontdesk/admin.py): a status for each, its
change joining each request's contact history, and the CSV export of the chosen requests."""

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from audit.trail import update_with_trail
from consultations import lifecycle
from consultations.models import ConsultationRequest
from frontdesk import export_views


def status_action(status):
    @admin.action(permissions=["change"], description=format_lazy(_("Mark as “{}”"), status.label))
    def action(modeladmin, request, queryset):
        before = list(queryset.exclude(status=status).values_list("pk", "status"))
        updated = update_with_trail(
            request, queryset, action.__name__, {"status": status}, {"updated_at": timezone.now()}
        )
        lifecycle.record_status_changes(request, [(pk, old, status.value) for pk, old in before])
        modeladmin.message_user(
            request,
            ngettext(
                "%(count)d request marked as “%(status)s”.",
                "%(count)d requests marked as “%(status)s”.",
                updated,
            )
            % {"count": updated, "status": status.label},
            messages.SUCCESS,
        )

    action.__name__ = f"mark_{status.value}"
    return action


MARK_AS = [status_action(status) for status in ConsultationRequest.Status]


@admin.action(permissions=["view"], description=_("Export selected requests as CSV"))
def export_selected_csv(modeladmin, request, queryset):
    return export_views.csv_response(request, queryset, "selected requests")
