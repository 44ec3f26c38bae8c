"""Each change of a consultation time joins the request's contact history through its lifecycle
(consultations/lifecycle.py), and a confirmed time makes the request booked, as logging "Booked"
does. Each note is written in English and read in the reader's language (consultations/notes.py:
its words are marked with gettext_noop)."""

from django.db import transaction
from django.utils.translation import gettext_noop

from consultations import lifecycle
from consultations.models import ConsultationRequest, ContactEntry
from consultations.notes import in_english as _note

Status = ConsultationRequest.Status
Channel = ContactEntry.Channel


def chosen(booking):
    """The patient chose a time on the website: held (the request stays where it is in the
    worklist), or booked at once when the clinic books without confirming."""
    booked = booking.status == "confirmed"
    lifecycle.log_appointment(
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
    lifecycle.log_contact(
        booking.request,
        user,
        ContactEntry.Outcome.BOOKED,
        note=_note(gettext_noop("Time confirmed: %s"), booking.starts_at),
    )


def _back_to_work(consultation):
    """A booked request whose time is freed goes back to the worklist, due today."""
    return Status.CONTACTED if consultation.status == Status.BOOKED else None


def declined(booking, user):
    lifecycle.log_appointment(
        booking.request,
        user,
        _note(gettext_noop("Time declined: %s"), booking.starts_at),
        status_after=_back_to_work(booking.request),
        call_back_today=True,
    )


def cancelled_by_patient(booking):
    lifecycle.log_appointment(
        booking.request,
        None,
        _note(gettext_noop("The patient cancelled %s on the website"), booking.starts_at),
        channel=Channel.WEBSITE,
        status_after=_back_to_work(booking.request),
        call_back_today=True,
    )


def moved(booking, before, user):
    lifecycle.log_appointment(
        booking.request,
        user,
        _note(gettext_noop("Time moved from %s to %s"), before, booking.starts_at),
        channel=Channel.ADMIN if user else Channel.WEBSITE,
    )


def decline_undone(booking, user, status_before):
    lifecycle.log_appointment(
        booking.request,
        user,
        _note(gettext_noop("Decline undone: %s is the patient’s again"), booking.starts_at),
        status_after=status_before,
    )


def lapsed(booking):
    """A held time the front desk did not confirm in time (lapsing.py): free again, and the
    request due for a call today."""
    lifecycle.log_appointment(
        booking.request,
        None,
        _note(gettext_noop("Held time lapsed, not confirmed in time: %s"), booking.starts_at),
        channel=Channel.WEBSITE,
        call_back_today=True,
    )


def moved_by_patient(booking, before, was_status):
    """The patient chose another time for their active one. The request's status follows the
    booking's: a confirmed time moved by the patient is held again for the front desk to confirm
    (the request goes back from booked to contacted, due today); with "booked at once" it is
    confirmed and the request booked."""
    consultation = booking.request
    status_after, call_back_today = None, False
    if booking.status == "confirmed" and consultation.status != Status.BOOKED:
        status_after = Status.BOOKED
    elif booking.status == "held" and was_status == "confirmed":
        status_after, call_back_today = _back_to_work(consultation), True
    lifecycle.log_appointment(
        consultation,
        None,
        _note(gettext_noop("Time moved from %s to %s"), before, booking.starts_at),
        channel=Channel.WEBSITE,
        status_after=status_after,
        call_back_today=call_back_today,
    )


CALL_ME_NOTE = gettext_noop("None of the times suit the patient: asked for a call")


def asked_for_a_call(consultation):
    """ "None of these suit me: please call me" on the picker: one entry per request however often
    it is pressed, and the request due for a call today."""
    with transaction.atomic():
        # The request's row locked first: two presses at once make one entry.
        consultation = ConsultationRequest.objects.select_for_update().get(pk=consultation.pk)
        entries = consultation.contact_entries.filter(channel=Channel.WEBSITE, note=CALL_ME_NOTE)
        if not entries.exists():
            lifecycle.log_appointment(
                consultation,
                None,
                _note(CALL_ME_NOTE),
                channel=Channel.WEBSITE,
                call_back_today=True,
            )


def links_stopped(consultation, user):
    lifecycle.log_appointment(
        consultation,
        user,
        _note(gettext_noop("Links stopped: the picker and visit links no longer work")),
    )
