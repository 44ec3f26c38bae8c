"""The request and its staff email (request.py), and its contact history (contact_history.py)."""

from consultations.models.contact_history import ContactEntry
from consultations.models.request import (
    CLOSED_STATUSES,
    COUNT_CAP,
    ConsultationRequest,
    StaffNotification,
)

__all__ = [
    "CLOSED_STATUSES",
    "COUNT_CAP",
    "ConsultationRequest",
    "ContactEntry",
    "StaffNotification",
]
