"""The log page of a request (its "Log" button): an attempt to reach the patient logged in two
clicks, the request's contact history, and the offer to close it as unreachable."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from audit.trail import Action, record
from consultations import lifecycle
from consultations.models import ConsultationRequest
from frontdesk.forms import LogContactForm
from frontdesk.request_columns import same_patient_others
from ground.isolates import isolated


def log_contact_view(request, model_admin, pk):
    consultation = get_object_or_404(ConsultationRequest, pk=pk)
    if not model_admin.has_change_permission(request, consultation):
        raise PermissionDenied
    form = LogContactForm(request.POST or None)
    if request.method == "POST" and "close_unreachable" in request.POST:
        if lifecycle.offers_unreachable(consultation):
            lifecycle.close_as_unreachable(consultation, request)
            messages.success(request, _("Closed as unreachable."))
        return redirect("admin:consultations_consultationrequest_changelist")
    if request.method == "POST" and form.is_valid():
        entry = lifecycle.log_contact(
            consultation,
            request.user,
            form.cleaned_data["outcome"],
            note=form.cleaned_data["note"],
            call_back_on=form.cleaned_data["call_back_on"],
            call_back_after=form.cleaned_data["call_back_after"],
        )
        record(request, Action.CHANGED, consultation, outcome=entry.outcome)
        messages.success(
            request,
            _("Logged “%(outcome)s” for %(name)s.")
            % {"outcome": entry.get_outcome_display(), "name": isolated(consultation.name)},
        )
        return redirect("admin:consultations_consultationrequest_changelist")
    record(request, Action.VIEWED, consultation, history=True)
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Log an attempt: %(name)s") % {"name": isolated(consultation.name)},
        "opts": model_admin.opts,
        "original": consultation,
        "form": form,
        "entries": consultation.contact_entries.all(),
        "offer_unreachable": lifecycle.offers_unreachable(consultation),
        "others": same_patient_others(consultation)[:20],
    }
    return TemplateResponse(request, "admin/frontdesk/log_contact.html", context)
