"""The contact history where consultations exports requests: a column of the CSV export and a
part of a patient's copy of their data (registered in apps.py)."""

from django.utils import timezone

from audit.trail import plain
from consultations.export import choice_labels
from consultations.models import ContactEntry

CSV_TITLE = "Contact history"
COPY_FIELDS = ("created_at", "username", "channel", "outcome", "status_after", "note")


def entries(ids):
    """The contact history entries of these requests, oldest first."""
    return ContactEntry.objects.filter(request_id__in=ids).order_by("created_at", "pk")


def csv_cells():
    """For one export: a function giving {request id: its history as one cell} for some ids.

    The outcomes' labels are looked up once per export: per cell, rebuilding the field's
    choices was most of a long export's time.
    """
    outcomes = choice_labels(ContactEntry, ["outcome"])["outcome"]

    def cells(ids):
        lines = {}
        fields = ("request_id", "created_at", "username", "outcome", "note")
        for request_id, created_at, username, outcome, note in entries(ids).values_list(*fields):
            when = timezone.localtime(created_at).strftime("%Y-%m-%d %H:%M")
            line = f"{when} {username or '-'}: {outcomes.get(outcome, outcome)}"
            if note:
                line += f" ({note})"
            lines.setdefault(request_id, []).append(line)
        return {pk: "\n".join(history) for pk, history in lines.items()}

    return cells


def copy_rows(ids):
    """The entries as a patient's copy of their data gives them: plain values, oldest first."""
    return [
        {"request_id": entry["request_id"], **{f: plain(entry[f]) for f in COPY_FIELDS}}
        for entry in entries(ids).values("request_id", *COPY_FIELDS)
    ]
