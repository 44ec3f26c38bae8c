"""The request's lifecycle: what each logged outcome does to a request (its status, clocks,
owner and call-back), every change of status appended to its contact history, whoever makes it
(the front desk's log, the admin's change form and bulk actions, booking's consultation times),
and when to offer to close a request as unreachable."""

from django.db import transaction
from django.utils.translation import override

from consultations import notes
from consultations.models import CLOSED_STATUSES, ConsultationRequest, ContactEntry
from ground import hours
from ground.hours import clinic_minutes_between, clinic_today

Outcome = ContactEntry.Outcome
Status = ConsultationRequest.Status

STATUS_AFTER = {
    Outcome.NO_ANSWER: Status.CONTACTED,
    Outcome.VOICEMAIL: Status.CONTACTED,
    Outcome.WHATSAPP_SENT: Status.CONTACTED,
    Outcome.WHATSAPP_REPLIED: Status.CONTACTED,
    Outcome.CALL_BACK_LATER: Status.CONTACTED,
    Outcome.WRONG_NUMBER: Status.UNREACHABLE,
    Outcome.BOOKED: Status.BOOKED,
    Outcome.NOT_INTERESTED: Status.NOT_INTERESTED,
    Outcome.ATTENDED: Status.ATTENDED,
    Outcome.NO_SHOW: Status.NO_SHOW,
}
# Outcomes where someone spoke or wrote back: the patient was reached.
REACHED = {
    Outcome.WHATSAPP_REPLIED,
    Outcome.CALL_BACK_LATER,
    Outcome.BOOKED,
    Outcome.NOT_INTERESTED,
}
VISIT_OUTCOMES = {Outcome.ATTENDED, Outcome.NO_SHOW}
ATTEMPTS = set(STATUS_AFTER) - VISIT_OUTCOMES
UNANSWERED = {Outcome.NO_ANSWER, Outcome.VOICEMAIL}
WHATSAPP_OUTCOMES = {Outcome.WHATSAPP_SENT, Outcome.WHATSAPP_REPLIED}
UNREACHABLE_AFTER_ATTEMPTS = 3
UNREACHABLE_AFTER_CLINIC_MINUTES = 48 * 60


def channel_for(outcome):
    if outcome in WHATSAPP_OUTCOMES:
        return ContactEntry.Channel.WHATSAPP
    if outcome in (Outcome.ATTENDED, Outcome.NO_SHOW):
        return ContactEntry.Channel.CLINIC
    return ContactEntry.Channel.PHONE


@transaction.atomic
def log_contact(consultation, user, outcome, *, note="", call_back_on=None, call_back_after=None):
    """Append one outcome to the request's history and set its status, clocks and owner."""
    consultation = ConsultationRequest.objects.select_for_update().get(pk=consultation.pk)
    outcome = Outcome(outcome)
    now = hours.now()
    entry = ContactEntry.objects.create(
        request=consultation,
        created_at=now,
        user=user,
        username=user.get_username() if user else "",
        channel=channel_for(outcome),
        outcome=outcome,
        status_before=consultation.status,
        status_after=STATUS_AFTER[outcome],
        note=note,
        note_event=notes.event_of(note),
    )
    consultation.status = STATUS_AFTER[outcome]
    if outcome in ATTEMPTS and consultation.minutes_to_first_attempt is None:
        consultation.minutes_to_first_attempt = clinic_minutes_between(consultation.created_at, now)
    if outcome in REACHED:
        if consultation.minutes_to_first_reach is None:
            consultation.minutes_to_first_reach = clinic_minutes_between(
                consultation.created_at, now
            )
        if consultation.owner_id is None:
            consultation.owner = user
    if consultation.status in CLOSED_STATUSES:
        consultation.call_back_on, consultation.call_back_after = None, None
    else:
        consultation.call_back_on, consultation.call_back_after = call_back_on, call_back_after
    consultation.save()
    return entry


@transaction.atomic
def log_appointment(
    consultation,
    user,
    note,
    *,
    channel=ContactEntry.Channel.ADMIN,
    status_after=None,
    call_back_today=False,
):
    """A consultation time chosen, confirmed, declined or moved (booking/history.py): one entry
    in the history; the status changes only when `status_after` is given."""
    consultation = ConsultationRequest.objects.select_for_update().get(pk=consultation.pk)
    entry = ContactEntry.objects.create(
        request=consultation,
        created_at=hours.now(),
        user=user,
        username=user.get_username() if user else "",
        channel=channel,
        outcome=Outcome.APPOINTMENT,
        status_before=consultation.status,
        status_after=status_after or consultation.status,
        note=note,
        note_event=notes.event_of(note),
    )
    if status_after:
        consultation.status = status_after
    if call_back_today and consultation.status not in CLOSED_STATUSES:
        consultation.call_back_on, consultation.call_back_after = clinic_today(), None
    consultation.save()
    return entry


@transaction.atomic
def undo_outcome(consultation, user):
    """Attended or No-show logged by mistake: the request goes back to the status it had, and the
    history says so (it is appended to, never edited). None when the request's last entry is not
    such an outcome, or its status changed since."""
    consultation = ConsultationRequest.objects.select_for_update().get(pk=consultation.pk)
    last = consultation.contact_entries.first()
    if last is None or last.outcome not in VISIT_OUTCOMES:
        return None
    if last.status_after != consultation.status:
        return None
    with override("en"):  # the history's notes are the front desk's, kept in English
        note = f"{Outcome(last.outcome).label} undone"
    entry = ContactEntry.objects.create(
        request=consultation,
        created_at=hours.now(),
        user=user,
        username=user.get_username() if user else "",
        channel=ContactEntry.Channel.ADMIN,
        outcome=Outcome.STATUS_CHANGED,
        status_before=consultation.status,
        status_after=last.status_before,
        note=note,
    )
    consultation.status = last.status_before
    consultation.save()
    return entry


def record_status_changes(request, changes):
    """Status changes made another way (the admin's change form and bulk actions) join the same
    history: `changes` is [(request pk, old status, new status)], `request` the staff's."""
    user = getattr(request, "user", None)
    user = user if user is not None and user.is_authenticated else None
    now = hours.now()
    ContactEntry.objects.bulk_create(
        ContactEntry(
            request_id=pk,
            created_at=now,
            user=user,
            username=user.get_username() if user else "",
            channel=ContactEntry.Channel.ADMIN,
            outcome=Outcome.STATUS_CHANGED,
            status_before=old,
            status_after=new,
        )
        for pk, old, new in changes
        if old != new
    )


def close_as_unreachable(consultation, request):
    old = consultation.status
    ConsultationRequest.objects.filter(pk=consultation.pk).update(
        status=Status.UNREACHABLE,
        call_back_on=None,
        call_back_after=None,
        updated_at=hours.now(),
    )
    record_status_changes(request, [(consultation.pk, old, Status.UNREACHABLE)])


def offers_unreachable(consultation, now=None):
    """Three attempts with no answer across 48 clinic hours, and never reached: offer to close."""
    if consultation.status in CLOSED_STATUSES or consultation.minutes_to_first_reach is not None:
        return False
    unanswered = list(
        consultation.contact_entries.filter(outcome__in=UNANSWERED)
        .order_by("created_at")
        .values_list("created_at", flat=True)
    )
    if len(unanswered) < UNREACHABLE_AFTER_ATTEMPTS:
        return False
    span = clinic_minutes_between(unanswered[0], now or hours.now())
    return span >= UNREACHABLE_AFTER_CLINIC_MINUTES
