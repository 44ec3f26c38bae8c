"""CSV export of consultation requests: streamed row by row, safe to open in a spreadsheet. After
the request's own columns, its contact history and its consultation times (booking's)."""

from contextlib import nullcontext

from django.contrib.admin.views.main import SEARCH_VAR
from django.db import connection, transaction
from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils import timezone

from booking import patient_copy as consultation_times
from consultations.models import ConsultationRequest, ContactEntry
from consultations.spreadsheet import FormulaSafeWriter, Verbatim

COLUMNS = (
    ("id", "ID"),
    ("created_at", "Received"),
    ("status", "Status"),
    ("name", "Name"),
    ("phone", "Phone"),
    ("whatsapp", "WhatsApp"),
    ("message", "Message"),
    ("staff_notes", "Staff notes"),
    ("source_path", "Sent from page"),
    ("landing_path", "Landing page"),
    ("utm_source", "Campaign source"),
    ("utm_medium", "Campaign medium"),
    ("utm_campaign", "Campaign name"),
    ("consent_given_at", "Consent given at"),
    ("duplicate_of_id", "Possible duplicate of"),
    ("best_time", "Best time to call"),
    ("prefers", "Call or WhatsApp"),
    ("call_back_on", "Call back on"),
    ("minutes_to_first_attempt", "Minutes to first attempt (clinic hours)"),
    ("minutes_to_first_reach", "Minutes to first reach (clinic hours)"),
)
# Validated E.164 numbers: "+971..." must stay exactly as it is.
PHONE_COLUMNS = {"phone", "whatsapp"}
CHOICE_COLUMNS = {"status", "best_time", "prefers"}
# What stream_csv yields before the first request: the byte order mark and the column titles.
HEADER_LINES = 2


class _Echo:
    def write(self, value):
        return value


def choice_labels(model, fields):
    """{field: {stored value: label}}, in the active language, made once per export: looking a
    label up per cell rebuilt the field's choices every time, most of a long export's time."""
    return {
        field: {value: str(label) for value, label in model._meta.get_field(field).flatchoices}
        for field in fields
    }


def format_cell(field, value, labels):
    if value is None:
        return ""
    if field in PHONE_COLUMNS:
        return Verbatim(value)
    if field in labels:
        return labels[field].get(value, value)
    if hasattr(value, "tzinfo"):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    return str(value)


def contact_history_cells():
    """For one export: a function giving {request id: its history as one cell} for some ids.

    The outcomes' labels are looked up once per export: per cell, rebuilding the field's
    choices was most of a long export's time.
    """
    outcomes = choice_labels(ContactEntry, ["outcome"])["outcome"]

    def cells(ids):
        lines = {}
        entries = ContactEntry.objects.filter(request_id__in=ids).order_by("created_at", "pk")
        fields = ("request_id", "created_at", "username", "outcome", "note")
        for request_id, created_at, username, outcome, note in entries.values_list(*fields):
            when = timezone.localtime(created_at).strftime("%Y-%m-%d %H:%M")
            line = f"{when} {username or '-'}: {outcomes.get(outcome, outcome)}"
            if note:
                line += f" ({note})"
            lines.setdefault(request_id, []).append(line)
        return {pk: "\n".join(history) for pk, history in lines.items()}

    return cells


# After the request's own columns, each (title, make_cells): make_cells() is called once per
# export and returns a function giving {request id: cell text} for a chunk of request ids.
MORE_COLUMNS = (
    ("Contact history", contact_history_cells),
    (consultation_times.CSV_TITLE, consultation_times.csv_cells),
)


def stream_csv(queryset, chunk_size=2000):
    """Yield the CSV a line at a time; memory stays flat however many rows there are."""
    writer = FormulaSafeWriter(_Echo())
    fields = [field for field, _ in COLUMNS]
    # The numbers are read as the stored E.164 text: parsing each one again into a PhoneNumber
    # took most of the export's time (bench/export_at_scale.py).
    as_text = {field: Cast(field, output_field=CharField()) for field in PHONE_COLUMNS}
    rows = queryset.order_by("-created_at").values_list(
        *(as_text.get(field, field) for field in fields)
    )
    labels = choice_labels(ConsultationRequest, CHOICE_COLUMNS)
    extra_cells = [make_cells() for _title, make_cells in MORE_COLUMNS]
    yield "\ufeff"  # byte order mark: spreadsheet programs then read Arabic names correctly
    yield writer.writerow(
        [*(title for _, title in COLUMNS), *(title for title, _make in MORE_COLUMNS)]
    )
    with _streaming_transaction():
        for chunk in _chunks(rows.iterator(chunk_size), chunk_size):
            ids = [row[0] for row in chunk]
            extras = [cells(ids) for cells in extra_cells]
            for row in chunk:
                cells = [
                    format_cell(field, value, labels)
                    for field, value in zip(fields, row, strict=True)
                ]
                yield writer.writerow([*cells, *(extra.get(row[0], "") for extra in extras)])


def _chunks(rows, size):
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _streaming_transaction():
    """On PostgreSQL, read inside a transaction so rows stream from the server-side cursor.

    Outside one, the cursor must outlive the transaction and PostgreSQL first writes the whole
    result to a temporary file. Not on SQLite: its IMMEDIATE transactions take the write lock,
    and patients' requests would wait for the export.
    """
    return transaction.atomic() if connection.vendor == "postgresql" else nullcontext()


def filters_for_trail(params):
    """The list's filters as the access trail keeps them.

    A search's text is often a patient's name or number, which must not outlive the request
    in the trail: only the fact that the list was searched is kept.
    """
    filters = {key: value for key, value in params.items() if key != SEARCH_VAR}
    if params.get(SEARCH_VAR):
        filters[SEARCH_VAR] = "(a search; its text is not kept)"
    return filters


def csv_filename():
    return f"consultation-requests-{timezone.localtime():%Y-%m-%d-%H%M}.csv"
