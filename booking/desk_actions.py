"""The front desk's buttons on a consultation time: confirm, decline (and undo it a little
while), attended and no-show (and undo them). Each joins the contact history and the access
trail, and is refused on the server when it no longer fits the time (not only hidden)."""

from datetime import timedelta

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from booking import history, taking
from booking.admin_views import _back, _describe, _require, _trail
from booking.desk_text import link, name, say
from booking.models import Booking
from consultations import lifecycle
from consultations.models import ConsultationRequest, ContactEntry
from ground import dates, hours

Status = Booking.Status
RequestStatus = ConsultationRequest.Status
VISIT_OUTCOMES = (RequestStatus.ATTENDED, RequestStatus.NO_SHOW)
# How long a decline may be undone: long enough for a slip of the thumb, not for second thoughts
# the patient may already have heard about.
UNDO_DECLINE = timedelta(minutes=30)


class Refused(Exception):
    """The action does not fit the time now; the message says why."""


def _tell_link(booking, news, text):
    return link(reverse("admin:booking_tell", args=[booking.pk, news]), text)


def _confirm(request, booking):
    taking.confirm(booking)
    history.confirmed(booking, request.user)
    return say(
        _("Confirmed %(when)s for %(name)s."), when=dates.visit_time(booking.starts_at),
        name=name(booking),
    ) + _tell_link(booking, "confirmed", _("Tell the patient on WhatsApp"))  # fmt: skip


def _decline(request, booking):
    taking.free(booking, Status.DECLINED)
    history.declined(booking, request.user)
    return say(
        _("Declined %(when)s for %(name)s: the time is free again."),
        when=dates.visit_time(booking.starts_at), name=name(booking),
    ) + _tell_link(booking, "declined", _("Tell the patient on WhatsApp, or undo"))  # fmt: skip


def _outcome(request, booking, action):
    if booking.status != Status.CONFIRMED:
        raise taking.NotHeld
    if booking.starts_at > hours.now():
        raise Refused(_("This visit has not begun: nothing was recorded."))
    if booking.request.status in VISIT_OUTCOMES:
        raise Refused(_("An outcome is already recorded for this visit: undo it first."))
    lifecycle.log_contact(booking.request, request.user, ContactEntry.Outcome(action))
    return say(_("Recorded for %(name)s."), name=name(booking))


def _undo_outcome(request, booking):
    if lifecycle.undo_outcome(booking.request, request.user) is None:
        raise taking.NotHeld
    return say(_("Undone for %(name)s."), name=name(booking))


def decline_to_undo(booking):
    """The decline entry of the request when the decline may still be undone, else None: the
    time declined within UNDO_DECLINE, not begun, and nothing logged for the request since."""
    if booking.status != Status.DECLINED or booking.starts_at <= hours.now():
        return None
    if timezone.now() - booking.updated_at > UNDO_DECLINE:
        return None
    last = booking.request.contact_entries.first()
    if last is None or last.outcome != ContactEntry.Outcome.APPOINTMENT:
        return None
    return last


def _undo_decline(request, booking):
    declined = decline_to_undo(booking)
    if declined is None:
        raise Refused(_("This decline can no longer be undone: nothing was done."))
    # Declining a confirmed time had put the booked request back to work: undo both.
    confirmed = declined.status_before == RequestStatus.BOOKED
    try:
        taking.restore(booking, Status.CONFIRMED if confirmed else Status.HELD)
    except taking.TimeTaken:
        raise Refused(
            _("Someone has taken that time meanwhile: it can’t be given back. Move or call the "
              "patient instead.")
        ) from None  # fmt: skip
    history.decline_undone(booking, request.user, declined.status_before)
    return say(
        _("The decline is undone: %(when)s is %(name)s’s again."),
        when=dates.visit_time(booking.starts_at), name=name(booking),
    )  # fmt: skip


ACTIONS = {
    "confirm": _confirm,
    "decline": _decline,
    "attended": lambda request, booking: _outcome(request, booking, "attended"),
    "no_show": lambda request, booking: _outcome(request, booking, "no_show"),
    "undo_outcome": _undo_outcome,
    "undo_decline": _undo_decline,
}


@require_POST
def act_view(request, pk):
    _require(request, "change")
    booking = get_object_or_404(Booking.objects.select_related("request"), pk=pk)
    action = request.POST.get("action")
    before = _describe(booking)
    try:
        with transaction.atomic():
            if action not in ACTIONS:
                raise taking.NotHeld
            done = ACTIONS[action](request, booking)
            booking.refresh_from_db()
            _trail(request, booking, action, before, _describe(booking))
    except taking.NotHeld:
        messages.error(request, _("That time changed meanwhile: nothing was done."))
    except Refused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, done)
    return _back(request, booking)
