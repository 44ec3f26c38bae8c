"""The hours of a date as the front desk must see them: a closed day with its name, the held
or confirmed times outside the hours (a holiday, a plan or weekly hours saved over bookings),
and numbers that hold more than one time. The hours are slots.open_spans', as the picker's."""

from collections import defaultdict
from datetime import datetime, timedelta

from django.contrib import messages
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from booking.models import Booking
from booking.slots import open_spans, rules
from consultations.models import ConsultationRequest
from ground import dates
from ground.hours import CLINIC_TIMEZONE, now
from ground.models import DatedHours


def closed_label(day, current=None):
    """ "Closed: Eid" (or "Closed") when the clinic has no hours on this date, else None."""
    current = current or rules()
    if open_spans(day, current.plans):
        return None
    covering = sorted(
        DatedHours.objects.filter(starts_on__lte=day, ends_on__gte=day),
        key=lambda plan: plan.ends_on - plan.starts_on,
    )
    if covering:
        return _("Closed: %(name)s") % {"name": covering[0].name}
    return _("Closed")


def is_outside(booking, current):
    start = booking.starts_at.astimezone(CLINIC_TIMEZONE)
    end = booking.ends_at.astimezone(CLINIC_TIMEZONE)
    spans = open_spans(start.date(), current.plans)
    return not any(
        datetime.combine(start.date(), opens, tzinfo=CLINIC_TIMEZONE) <= start
        and end <= datetime.combine(start.date(), closes, tzinfo=CLINIC_TIMEZONE)
        for opens, closes in spans
    )


def other_times(bookings):
    """{booking pk: [other active times of the same patient]}, one query for all the bookings."""
    numbers = {str(n) for b in bookings for n in (b.request.phone, b.request.whatsapp) if n}
    if not numbers:
        return {}
    active = list(
        Booking.objects.active()
        .filter(request__in=ConsultationRequest.objects.with_number(*numbers))
        .values_list("pk", "starts_at", "request__phone", "request__whatsapp")
    )
    found = defaultdict(list)
    for booking in bookings:
        own = {str(booking.request.phone), str(booking.request.whatsapp)}
        for pk, starts_at, phone, whatsapp in active:
            if pk != booking.pk and own & {str(phone), str(whatsapp)}:
                found[booking.pk].append(starts_at)
    return found


def day_link(moment):
    day = moment.astimezone(CLINIC_TIMEZONE).date()
    return f"{reverse('admin:booking_day')}?date={day:%Y-%m-%d}"


def warn_outside(request, plan):
    """After a closed day or a dated plan is saved: the active times it leaves outside the hours,
    with a link to each of their days."""
    start = datetime.combine(plan.starts_on, datetime.min.time(), tzinfo=CLINIC_TIMEZONE)
    end = datetime.combine(plan.ends_on + timedelta(days=1), datetime.min.time(),
                           tzinfo=CLINIC_TIMEZONE)  # fmt: skip
    warn_outside_between(request, Booking.objects.filter(starts_at__gte=start, starts_at__lt=end))


def warn_outside_weekly(request):
    """After the weekly hours change: the active times still to come that they leave outside the
    hours (a dated plan's days keep theirs)."""
    warn_outside_between(request, Booking.objects.filter(starts_at__gte=now()))


def warn_outside_between(request, bookings):
    current = rules()
    outside = [booking for booking in bookings.active() if is_outside(booking, current)]
    if not outside:
        return
    days = sorted({b.starts_at.astimezone(CLINIC_TIMEZONE).date() for b in outside})
    links = format_html_join(
        ", ",
        '<a href="{}?date={}">{}</a>',
        ((reverse("admin:booking_day"), f"{day:%Y-%m-%d}", dates.visit_day(day)) for day in days),
    )
    text = ngettext(
        "%(count)d held or confirmed time is now outside the clinic’s hours: move or decline it.",
        "%(count)d held or confirmed times are now outside the clinic’s hours: move or decline "
        "them.",
        len(outside),
    ) % {"count": len(outside)}
    messages.warning(request, format_html("{} {}", text, links))
