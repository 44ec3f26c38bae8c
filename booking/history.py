"""Each change of a consultation time joins the request's contact history (frontdesk/), and a
confirmed time makes the request booked, as logging "Booked" does."""

from django.utils.translation import gettext_noop, override

from booking.dates import visit_time
from consultations.models import ConsultationRequest
from frontdesk import history, notes
from frontdesk.models import ContactEntry

Status = ConsultationRequest.Status
Channel = ContactEntry.Channel


def _note(text, *moments):
    """The note in English with Dubai's times (as exports carry it), made of words each reader
    sees in their language in the history (frontdesk/notes.py): mark them with gettext_noop."""
    with override("en"):
        sentence = text % tuple(visit_time(moment, "en") for moment in moments)
    return notes.made_of(sentence, text, moments)


def chosen(booking):
    """The patient chose a time on the website: held (the request stays where it is in the
    worklist), or booked at once when the clinic books without confirming."""
    booked = booking.status == "confirmed"
    history.log_appointment(
        booking.request,
        None,
        _note(
            gettext_noop("Booked %s on the website")
            if booked
            else gettext_noop("Chose %s on the website (held)"),
            booking.starts_at,
        ),
        channel=Channel.WEBSITE,
        status_after=Status.BOOKED if booked else None,
    )


def confirmed(booking, user):
    history.log_contact(
        booking.request,
        user,
        ContactEntry.Outcome.BOOKED,
        note=_note(gettext_noop("Time confirmed: %s"), booking.starts_at),
    )


def _back_to_work(consultation):
    """A booked request whose time is freed goes back to the worklist, due today."""
    return Status.CONTACTED if consultation.status == Status.BOOKED else None


def declined(booking, user):
    history.log_appointment(
        booking.request,
        user,
        _note(gettext_noop("Time declined: %s"), booking.starts_at),
        status_after=_back_to_work(booking.request),
        call_back_today=True,
    )


def cancelled_by_patient(booking):
    history.log_appointment(
        booking.request,
        None,
        _note(gettext_noop("The patient cancelled %s on the website"), booking.starts_at),
        channel=Channel.WEBSITE,
        status_after=_back_to_work(booking.request),
        call_back_today=True,
    )


def moved(booking, before, user):
    history.log_appointment(
        booking.request,
        user,
        _note(gettext_noop("Time moved from %s to %s"), before, booking.starts_at),
        channel=Channel.ADMIN if user else Channel.WEBSITE,
    )


def decline_undone(booking, user, status_before):
    history.log_appointment(
        booking.request,
        user,
        _note("Decline undone: %s is the patient’s again", booking.starts_at),
        status_after=status_before,
    )
