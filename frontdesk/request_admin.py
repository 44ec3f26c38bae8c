"""The front desk in the requests' admin: the list opens on what to do now, each request shows
its contact history and the same patient's other requests, and an attempt is logged in two
clicks ("Log" on the list or the request, then the outcome). Added to consultations' admin of
the request, not in place of it (consultations/admin_extensions.py)."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Case, F, IntegerField, Value, When
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from audit.trail import Action, record
from consultations.admin_extensions import extends_request_admin, with_fields
from consultations.models import ConsultationRequest
from frontdesk import history, report_views, visits_report_views
from frontdesk.forms import LogContactForm
from ground.isolates import isolated

TO_DO = "to_do"
KEEP_DEFAULT = {"o", "p", "e"}  # ordering, page, error flag: not a choice of what to see


class WorkFilter(admin.SimpleListFilter):
    title = _("work")
    parameter_name = "work"

    def lookups(self, request, model_admin):
        return [
            (TO_DO, _("What to do now")),
            ("mine", _("Mine")),
            ("due_today", _("Due today")),
            ("overdue", _("Overdue")),
            ("all", _("All")),
        ]

    def value(self):
        return super().value() or (TO_DO if self.is_default else None)

    def choices(self, changelist):
        # Without the admin's own "All" (no value): here no value means "what to do now".
        choices = super().choices(changelist)
        next(choices)
        yield from choices

    def __init__(self, request, params, model, model_admin):
        # An action on rows picked one by one acts on those rows, whatever the list showed.
        picked = request.method == "POST" and request.POST.get("select_across") != "1"
        self.is_default = not (set(request.GET) - KEEP_DEFAULT) and not picked
        super().__init__(request, params, model, model_admin)

    def queryset(self, request, queryset):
        value = self.value()
        if value == TO_DO:
            return queryset.new() | history.due_now(queryset)
        if value == "mine":
            return queryset.filter(owner=request.user)
        if value == "due_today":
            return history.due_today(queryset)
        if value == "overdue":
            return history.overdue(queryset)
        return queryset


@extends_request_admin
class FrontDeskAdmin:
    """The front desk's columns, filter, fields and pages, on top of consultations' admin."""

    def get_list_display(self, request):
        columns = list(super().get_list_display(request))
        after_status = columns.index("status") + 1
        columns[after_status:after_status] = ["follow_up", "clocks", "best_time", "prefers"]
        if self.has_change_permission(request):
            columns.append("log_link")
        return tuple(columns)

    def get_list_filter(self, request):
        return (WorkFilter, *super().get_list_filter(request))

    def get_list_select_related(self, request):
        return ("owner",)

    def get_readonly_fields(self, request, obj=None):
        ours = ("log_link", "clocks", "best_time", "prefers", "contact_history", "same_patient")
        return (*super().get_readonly_fields(request, obj), *ours)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        fieldsets = with_fields(fieldsets, "message", after=("best_time", "prefers"))
        fieldsets = with_fields(
            fieldsets,
            "status",
            before=("log_link",),
            after=("owner", ("call_back_on", "call_back_after"), "clocks"),
        )
        return with_fields(fieldsets, "staff_notes", after=("contact_history", "same_patient"))

    def get_ordering(self, request):
        if WorkFilter(request, {}, ConsultationRequest, self).value() == TO_DO:
            # New requests first, oldest first; then follow-ups by their call-back day.
            new_first = Case(
                When(status=ConsultationRequest.Status.NEW, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
            return [new_first.asc(), F("call_back_on").asc(nulls_first=True), "created_at"]
        return super().get_ordering(request)

    @admin.display(description=_("call back"), ordering="call_back_on")
    def follow_up(self, obj):
        if not obj.call_back_on:
            return "–"
        if obj.call_back_after:
            return format_html("{} {:%H:%M}", obj.call_back_on, obj.call_back_after)
        return str(obj.call_back_on)

    @admin.display(description=_("first attempt / reached (clinic minutes)"))
    def clocks(self, obj):
        def shown(minutes):
            return "–" if minutes is None else str(minutes)

        return f"{shown(obj.minutes_to_first_attempt)} / {shown(obj.minutes_to_first_reach)}"

    @admin.display(description=_("log"))
    def log_link(self, obj):
        url = reverse("admin:frontdesk_log_contact", args=[obj.pk])
        return format_html(
            '<a class="button" href="{}" aria-label="{}">{}</a>',
            url,
            _("Log an attempt to reach %(name)s") % {"name": obj.name},
            _("Log"),
        )

    @admin.display(description=_("contact history, newest first"))
    def contact_history(self, obj):
        return render_to_string(
            "admin/frontdesk/history.html",
            {"entries": obj.contact_entries.all(), "offer_unreachable": False},
        )

    @admin.display(description=_("same patient’s other requests"))
    def same_patient(self, obj):
        return render_to_string(
            "admin/frontdesk/same_patient.html", {"others": history.same_patient(obj)[:20]}
        )

    def get_urls(self):
        log = path(
            "<int:pk>/log/",
            self.admin_site.admin_view(self.log_contact_view),
            name="frontdesk_log_contact",
        )
        requests_report = path(
            "report/",
            self.admin_site.admin_view(self.report_view),
            name="frontdesk_requests_report",
        )
        visits = path(
            "report/visits/",
            self.admin_site.admin_view(self.visits_report_view),
            name="frontdesk_visits_report",
        )
        return [log, requests_report, visits, *super().get_urls()]

    def report_view(self, request):
        return report_views.report_view(request, self)

    def visits_report_view(self, request):
        return visits_report_views.visits_report_view(request, self)

    def log_contact_view(self, request, pk):
        consultation = get_object_or_404(ConsultationRequest, pk=pk)
        if not self.has_change_permission(request, consultation):
            raise PermissionDenied
        form = LogContactForm(request.POST or None)
        if request.method == "POST" and "close_unreachable" in request.POST:
            if history.offers_unreachable(consultation):
                history.close_as_unreachable(consultation, request)
                messages.success(request, _("Closed as unreachable."))
            return redirect("admin:consultations_consultationrequest_changelist")
        if request.method == "POST" and form.is_valid():
            entry = history.log_contact(
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
            **self.admin_site.each_context(request),
            "title": _("Log an attempt: %(name)s") % {"name": isolated(consultation.name)},
            "opts": self.opts,
            "original": consultation,
            "form": form,
            "entries": consultation.contact_entries.all(),
            "offer_unreachable": history.offers_unreachable(consultation),
            "others": history.same_patient(consultation)[:20],
        }
        return TemplateResponse(request, "admin/frontdesk/log_contact.html", context)
