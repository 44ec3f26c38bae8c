"""A patient's rights over what the site stores: a copy of it, and its erasure.

A patient's copy is made here with what this app stores (their requests, held requests, contact
history, access trail and admin log); the front desk's page and `manage.py patient_data`
(frontdesk/patient_copy.py) add booking's consultation times to it. Also `forget()`,
which the retention purge uses: no name or number outlives its request in the admin's log or
in the access trail. Every erasure is also written to the ledger outside the database
(backups/ledger.py), so that a restore erases the number again (`erase_again()`).
"""

from datetime import timedelta

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import CharField, F, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from audit.models import AccessEvent
from audit.trail import Action, forget_values, plain, record
from backups import ledger
from consultations import held
from consultations.models import ConsultationRequest, ContactEntry
from consultations.phone import parse_search_number

FIELDS = (
    "id",
    "created_at",
    "name",
    "phone",
    "whatsapp",
    "message",
    "consent_given_at",
    "status",
    "staff_notes",
    "duplicate_of_id",
    "source_path",
    "landing_path",
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "best_time",
    "prefers",
    "call_back_on",
    "call_back_after",
    "owner_id",
    "minutes_to_first_attempt",
    "minutes_to_first_reach",
    "updated_at",
)
CONTACT_HISTORY_FIELDS = ("created_at", "username", "channel", "outcome", "status_after", "note")


class NotANumber(ValueError):
    pass


def normalise(text):
    """The E.164 number the patient gave, in whatever form they wrote it."""
    number = parse_search_number(text or "")
    if number is None:
        raise NotANumber(f"{text!r} is not a phone number.")
    return number


def requests_for(number):
    """Every request whose phone or WhatsApp is this (E.164) number."""
    return ConsultationRequest.objects.with_number(number).order_by("pk")


def contact_history_rows(ids):
    """The requests' contact history as a patient's copy gives it: plain values, oldest first."""
    entries = ContactEntry.objects.filter(request_id__in=ids).order_by("created_at", "pk")
    return [
        {"request_id": entry["request_id"], **{f: plain(entry[f]) for f in CONTACT_HISTORY_FIELDS}}
        for entry in entries.values("request_id", *CONTACT_HISTORY_FIELDS)
    ]


def _admin_log(ids):
    content_type = ContentType.objects.get_for_model(ConsultationRequest)
    return LogEntry.objects.filter(content_type=content_type, object_id__in=[str(i) for i in ids])


def export(number, *, also=(), request=None, username=None):
    """Everything stored about this number, as plain data for JSON; the copy goes on the trail.

    `also`: what the caller adds after the contact history, each (key, rows) where rows(request
    ids) gives plain dicts of rows hanging off the requests (CASCADE: erased with them).
    """
    found = list(requests_for(number))
    ids = [row.pk for row in found]
    data = {
        "number": number,
        "exported_at": timezone.now().isoformat(),
        "consultation_requests": [
            {field: plain(getattr(row, field)) for field in FIELDS} for row in found
        ],
        # Sent while the database was away, kept on this host's disk until it is back.
        "held_requests": [
            {name: value for name, value in fields.items() if name != "site_url"}
            for fields in held.for_number(number)
        ],
        "contact_history": contact_history_rows(ids),
        **{key: rows(ids) for key, rows in also},
        "access_trail": [
            {
                "when": event.created_at.isoformat(),
                "staff": event.username,
                "action": event.action,
                "request_id": int(event.object_id),
                "detail": event.detail,
            }
            for event in AccessEvent.objects.about(ConsultationRequest, ids).order_by("pk")
        ],
        "admin_log": [
            {
                "when": entry.action_time.isoformat(),
                "staff": entry.user.get_username(),
                "request_id": int(entry.object_id),
                "what": entry.get_change_message() or entry.get_action_flag_display(),
            }
            for entry in _admin_log(ids).select_related("user").order_by("pk")
        ],
    }
    record(request, Action.PERSONAL_DATA_EXPORTED, ConsultationRequest, username=username, ids=ids)
    return data


def forget(ids):
    """Remove the personal data of these (deleted or about to be) requests outside their table.

    The admin's log keeps who changed what and when, as "#<id>"; the trail keeps its events
    with the old and new values blanked.
    """
    ids = list(ids)
    _admin_log(ids).update(object_repr=Concat(Value("#"), F("object_id")), change_message="")
    forget_values(ConsultationRequest, ids)


def erase(number, *, request=None, username=None):
    """Delete every request from this number and its traces; the trail records ids only.

    Recorded in the erasure ledger too, last: when that fails (ledger.LedgerError) the
    transaction is undone and nothing is erased, so no erasure is ever forgotten by a restore.
    """
    with transaction.atomic():
        erased_at = timezone.now()
        ids = list(requests_for(number).values_list("pk", flat=True))
        _delete(ids)
        held_here = held.forget_number(number)
        record(
            request,
            Action.PERSONAL_DATA_ERASED,
            ConsultationRequest,
            username=username,
            requests=len(ids),
            ids=ids,
            **({"held_requests": held_here} if held_here else {}),
        )
        ledger.remember(number, erased_at)
    return ids


def _delete(ids):
    forget(ids)
    return ConsultationRequest.objects.filter(pk__in=ids).delete()[0]


def erase_again(erasures, *, username):
    """After a restore: each (number, erased_at) of the ledger erased again, but only the requests
    received before that erasure (a patient may have asked again since). Returns (erasures that
    deleted anything, requests deleted)."""
    made, deleted = 0, 0
    for number, erased_at in erasures:
        with transaction.atomic():
            found = requests_for(number).filter(created_at__lt=erased_at)
            ids = list(found.values_list("pk", flat=True))
            if not ids:
                continue
            _delete(ids)
            record(
                None,
                Action.PERSONAL_DATA_ERASED,
                ConsultationRequest,
                username=username,
                requests=len(ids),
                ids=ids,
                after_restore=True,
            )
        made, deleted = made + 1, deleted + len(ids)
    return made, deleted


def purge_expired(days, batch_size=500):
    """Delete requests older than `days` with their traces; returns how many."""
    expired = ConsultationRequest.objects.older_than(days)
    count = held.forget_received_before(timezone.now() - timedelta(days=days))
    # In batches: each a short transaction, so patients' new requests never wait long.
    while ids := list(expired.order_by("pk").values_list("pk", flat=True)[:batch_size]):
        with transaction.atomic():
            count += _delete(ids)
    return count


def numbers_stored():
    """Every phone and WhatsApp number of a stored request, once each, as the E.164 text stored
    (not parsed into phone numbers one by one: at 100,000 requests that took seconds)."""
    requests = ConsultationRequest.objects.order_by()
    phones = requests.annotate(number=Cast("phone", CharField())).values_list("number")
    whatsapps = requests.annotate(number=Cast("whatsapp", CharField())).values_list("number")
    return {number for (number,) in phones.union(whatsapps)}
