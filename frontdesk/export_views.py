"""The requests' CSV export from the admin: the list with its current filters and search, or the
requests chosen on it; each export streamed and recorded on the access trail."""

from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ERROR_FLAG
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect, StreamingHttpResponse
from django.urls import reverse

from audit.trail import recorded_stream
from consultations.models import ConsultationRequest
from frontdesk.export import HEADER_LINES, csv_filename, filters_for_trail, stream_csv


def export_view(request, model_admin):
    """Everything the list shows with its current filters and search, as CSV."""
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    try:
        changelist = model_admin.get_changelist_instance(request)
    except IncorrectLookupParameters:
        # What the list does with filters it can't apply: its "invalid setup" page.
        list_url = reverse("admin:consultations_consultationrequest_changelist")
        return HttpResponseRedirect(f"{list_url}?{ERROR_FLAG}=1")
    return csv_response(request, changelist.get_queryset(request), "filtered list")


def csv_response(request, queryset, scope):
    lines = recorded_stream(
        request,
        stream_csv(queryset),
        ConsultationRequest,
        header_lines=HEADER_LINES,
        scope=scope,
        filters=filters_for_trail(request.GET),
    )
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{csv_filename()}"'
    return response
