from datetime import timedelta

from django import template
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from booking.models import Booking
from ground.hours import clinic_today

register = template.Library()


@register.inclusion_tag("admin/booking/summary.html", takes_context=True)
def booking_summary(context):
    """ "Today: 4 consultations, 1 to confirm · 2 reminders to send for tomorrow"."""
    from booking.admin_views import visits

    if not context["request"].user.has_perm("booking.view_booking"):
        return {"show": False}
    today = list(visits(clinic_today()).values_list("status", flat=True))
    held = Booking.objects.active().filter(status="held").count()
    unsent = visits(clinic_today() + timedelta(days=1)).filter(reminder_sent_at__isnull=True)
    unsent = unsent.count()
    today_text = ngettext(
        "Today: %(count)d consultation", "Today: %(count)d consultations", len(today)
    ) % {"count": len(today)}
    held_text = ngettext("%(held)d time to confirm", "%(held)d times to confirm", held) % {
        "held": held
    }
    # Translators: the two counts of the front page's line, joined with your language's comma.
    text = conditional_escape(_("%(today)s, %(held)s")) % {
        "today": format_html('<a href="{}">{}</a>', reverse("admin:booking_day"), today_text),
        "held": format_html('<a href="{}">{}</a>', reverse("admin:booking_to_confirm"), held_text),
    }
    return {
        "show": True,
        "text": mark_safe(text),  # noqa: S308 (both counts and the comma escaped)
        "unsent": unsent,
        "unsent_text": ngettext(
            "%(count)d reminder to send for tomorrow",
            "%(count)d reminders to send for tomorrow",
            unsent,
        )
        % {"count": unsent},
    }
