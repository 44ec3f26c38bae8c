"""The superusers' page for patients' rights: a copy of one number's data (patient_copy.py), or
its erasure (consultations/patient_data.py)."""

import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from backups import ledger
from consultations import patient_data
from frontdesk import patient_copy

NOT_RECORDED = _(
    "Nothing was erased: the erasure could not be recorded in the erasure ledger, which keeps "
    "it erased if a backup is ever restored. Ask whoever runs the website to check the backup "
    "storage, then erase again."
)


class NumberForm(forms.Form):
    number = forms.CharField(
        label=_("The patient’s phone or WhatsApp number"),
        max_length=40,
        widget=forms.TextInput(attrs={"aria-describedby": "id_number_helptext"}),
        help_text=_("As the patient gives it: 050 123 4567, +971 50 123 4567, ٠٥٠١٢٣٤٥٦٧."),
    )

    def clean_number(self):
        try:
            return patient_data.normalise(self.cleaned_data["number"])
        except patient_data.NotANumber:
            raise ValidationError(_("This is not a phone number."), code="invalid") from None


def patient_data_view(request, model_admin):
    if not request.user.is_superuser:
        raise PermissionDenied
    form = NumberForm(request.POST or None)
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("A patient’s data: copy or erase"),
        "opts": model_admin.model._meta,
        "form": form,
    }
    if request.method == "POST" and form.is_valid():
        number = form.cleaned_data["number"]
        if "_export" in request.POST:
            return _download(patient_copy.export(number, request=request))
        if "_erase" in request.POST and request.POST.get("confirm") == "yes":
            try:
                ids = patient_data.erase(number, request=request)
            except ledger.LedgerError:
                messages.error(request, NOT_RECORDED)
            else:
                messages.success(request, _erased_message(len(ids)))
            return redirect("admin:consultations_patient_data")
        if "_erase" in request.POST:
            context.update(number=number, requests=list(patient_data.requests_for(number)))
            return TemplateResponse(request, "admin/consultations/patient_data_erase.html", context)
    return TemplateResponse(request, "admin/consultations/patient_data.html", context)


def _download(data):
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"patient-data-{timezone.localtime():%Y-%m-%d-%H%M}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _erased_message(count):
    return ngettext(
        "Erased %(count)d consultation request and its traces.",
        "Erased %(count)d consultation requests and their traces.",
        count,
    ) % {"count": count}
