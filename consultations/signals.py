"""What the consultations app tells others about, without knowing who listens.

`status_changed` is sent when staff change requests' statuses outside the front desk's own
history (the change form, the list's bulk actions): the front desk records each change.
"""

from django.dispatch import Signal

# sender: ConsultationRequest; request: the HttpRequest; changes: [(pk, old status, new status)]
status_changed = Signal()
