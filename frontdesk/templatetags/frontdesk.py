from django import template
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from consultations import follow_ups
from consultations.models import ConsultationRequest
from frontdesk.report_views import can_see_report

register = template.Library()


@register.inclusion_tag("admin/frontdesk/summary.html", takes_context=True)
def frontdesk_summary(context):
    """ "7 new, 3 to call back today" for the admin's front page (counts capped, like the list)."""
    user = context["request"].user
    report_url = reverse("admin:frontdesk_requests_report") if can_see_report(user) else ""
    if not user.has_perm("consultations.view_consultationrequest"):
        return {"show": False, "report_url": report_url}
    requests = ConsultationRequest.objects.all()
    new = requests.new().capped_count()
    due = follow_ups.due_now(requests).capped_count()
    new_text = ngettext("%(new)d new", "%(new)d new", new) % {"new": new}
    due_text = ngettext("%(due)d to call back today", "%(due)d to call back today", due) % {
        "due": due
    }
    return {
        "show": True,
        "text": _("%(new)s, %(due)s") % {"new": new_text, "due": due_text},
        "url": reverse("admin:consultations_consultationrequest_changelist"),
        "report_url": report_url,
    }
