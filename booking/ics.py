"""Calendar files (iCalendar, RFC 5545) written with the icalendar library: the patient's one
visit, and a staff member's feed. Times carry Asia/Dubai with its VTIMEZONE, so a phone set to
London shows the consultation at the right hour (08:30 there for 10:30 in Dubai in winter).
Each event keeps one UID and a SEQUENCE that grows with every change (Booking.calendar_sequence),
so a calendar that opens a newer file updates the consultation, or removes it when cancelled."""

from datetime import timedelta

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar, Event, vCalAddress

from ground.clinic import clinic_details
from ground.hours import CLINIC_TIMEZONE

PRODUCT = "-//Ecla Clinic//Consultation times//EN"
# The patient's reminders: the day before (time to plan the trip) and two hours before.
ALARMS = (timedelta(days=1), timedelta(hours=2))


def _calendar(name=None):
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", str(CLINIC_TIMEZONE))
    return calendar


def _address():
    # In English whatever the file's language: phones hand LOCATION to their maps app, and half
    # an English street with an Arabic city reads in neither language.
    with translation.override("en"):
        clinic = clinic_details()
        return f"{clinic['name']}, {clinic['street_address']}, {clinic['locality']}"


def _event(booking, summary, description="", url=""):
    event = Event()
    # The public id, not the number: a restore that puts the numbers back would make the next
    # patient's event replace an old one in every calendar that has it.
    event.add("uid", f"consultation-{booking.public_id}@ecla-clinic")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", booking.starts_at.astimezone(CLINIC_TIMEZONE))
    event.add("dtend", booking.ends_at.astimezone(CLINIC_TIMEZONE))
    event.add("summary", summary)
    event.add("sequence", booking.calendar_sequence)
    event.add("location", _address())
    if not booking.is_active:
        event.add("status", "CANCELLED")
    else:
        event.add("status", "CONFIRMED" if booking.status == "confirmed" else "TENTATIVE")
    if description:
        event.add("description", description)
    if url:
        event.add("url", url)
    return event


def _bytes(calendar):
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _alarm(before, summary):
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", -before)
    return alarm


def visit_calendar(booking, visit_url, language):
    """The patient's "Add to calendar" file, in their language: the time with two reminders,
    or, once cancelled or declined, the cancellation that takes it out of their calendar."""
    with translation.override(language):
        summary = _("Free consultation at Ecla Clinic")
        description = _("To change or cancel: %(url)s") % {"url": visit_url}
        calendar = _calendar()
        event = _event(booking, summary, description, visit_url)
        if booking.is_active:
            calendar.add("method", "PUBLISH")
            for before in ALARMS:
                event.add_component(_alarm(before, summary))
        else:
            calendar.add("method", "CANCEL")
            clinic = clinic_details()
            if email := clinic["email"]:
                # RFC 5546: a CANCEL names its ORGANIZER; some calendars ignore one without.
                organizer = vCalAddress(f"mailto:{email}")
                organizer.params["CN"] = clinic["name"]
                event.add("organizer", organizer)
        calendar.add_component(event)
    return _bytes(calendar)


def staff_feed(bookings, *, with_patients):
    """A staff member's feed: held and confirmed consultations; the patient's name and number
    only when the clinic turned that on."""
    with translation.override("en"):
        calendar = _calendar("Ecla Clinic consultations")
        for booking in bookings:
            held = " (held)" if booking.status == "held" else ""
            if with_patients:
                consultation = booking.request
                summary = f"Consultation{held}: {consultation.name}"
                description = f"{consultation.phone.as_international} · request #{consultation.pk}"
            else:
                summary = f"Consultation{held}"
                description = f"Request #{booking.request_id}"
            calendar.add_component(_event(booking, summary, description))
    return _bytes(calendar)
