"""The columns and read-only lines of the request's admin (frontdesk/admin.py), by the
names its `list_display`, `readonly_fields` and `fieldsets` give them."""

from django.contrib import admin
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from consultations.models import ConsultationRequest
from frontdesk.whatsapp import whatsapp_chat_url
from ground.isolates import number_ltr


def same_patient_others(consultation):
    """The patient's other requests (sharing a phone or WhatsApp number), newest first."""
    requests = ConsultationRequest.objects.same_patient(consultation)
    return requests.exclude(pk=consultation.pk).order_by("-created_at")


def whatsapp_column(request):
    """The WhatsApp column: a chat link whose greeting carries absolute links to this site (the
    patient's next steps), made from the staff member's request."""

    @admin.display(description=_("WhatsApp"), ordering="whatsapp")
    def whatsapp_link(obj):
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            whatsapp_chat_url(obj, request),
            number_ltr(obj.whatsapp),
        )

    return whatsapp_link


class RequestColumns:
    @admin.display(description=_("phone"), ordering="phone")
    def phone_link(self, obj):
        return format_html('<a href="tel:{}">{}</a>', obj.phone, number_ltr(obj.phone))

    @admin.display(description=_("WhatsApp"), ordering="whatsapp")
    def whatsapp_link(self, obj):
        # Stands in for the column made with the staff member's request (get_list_display).
        return whatsapp_column(None)(obj)

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

    @admin.display(description=_("source"))
    def source(self, obj):
        return obj.utm_source or obj.source_path or "–"

    @admin.display(description=_("repeat?"))
    def is_possible_duplicate(self, obj):
        return _("Possible duplicate") if obj.is_possible_duplicate else ""

    @admin.display(description=_("log"))
    def log_link(self, obj):
        url = reverse("admin:frontdesk_log_contact", args=[obj.pk])
        return format_html(
            '<a class="button" href="{}" aria-label="{}">{}</a>',
            url,
            _("Log an attempt to reach %(name)s") % {"name": obj.name},
            _("Log"),
        )

    @admin.display(description=_("possible duplicate of"))
    def duplicate_link(self, obj):
        if not obj.duplicate_of_id:
            return _("No earlier request from this number")
        url = reverse("admin:consultations_consultationrequest_change", args=[obj.duplicate_of_id])
        return format_html(
            '<a href="{}">{}</a>', url, _("Earlier request #%s") % obj.duplicate_of_id
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
            "admin/frontdesk/same_patient.html", {"others": same_patient_others(obj)[:20]}
        )
