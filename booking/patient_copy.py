"""Consultation times as patients' data: a column of the CSV export (frontdesk/export.py) and a
part of a patient's copy of their data (frontdesk/patient_copy.py). The bookings hang off their
request (CASCADE), so an erasure and purge_consultations delete them with it."""

from django.utils import timezone

from audit.trail import plain
from booking.models import Booking

CSV_TITLE = "Consultation times"
COPY_FIELDS = ("starts_at", "ends_at", "status", "created_at", "updated_at", "reminder_sent_at")


def bookings(ids):
    return Booking.objects.filter(request_id__in=ids).order_by("created_at", "pk")


def csv_cells():
    labels = {value: str(label) for value, label in Booking.Status.choices}

    def cells(ids):
        lines = {}
        for request_id, starts_at, status in bookings(ids).values_list(
            "request_id", "starts_at", "status"
        ):
            when = timezone.localtime(starts_at).strftime("%Y-%m-%d %H:%M")
            lines.setdefault(request_id, []).append(f"{when} ({labels.get(status, status)})")
        return {pk: "\n".join(times) for pk, times in lines.items()}

    return cells


def copy_rows(ids):
    return [
        {"request_id": row["request_id"], **{f: plain(row[f]) for f in COPY_FIELDS}}
        for row in bookings(ids).values("request_id", *COPY_FIELDS)
    ]
