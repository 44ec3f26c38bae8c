"""The consultation form's limits per client: attempts (hard limit) and accepted (soft)."""

from django.conf import settings

from ground import limits


def current_window():
    """The current counting window's number, and the seconds left until the next one."""
    return limits.current_window(settings.CONSULTATION_RATE_WINDOW_SECONDS)


def count(request, counter):
    """Count a consultation event by this client: "attempts" or "accepted"; return the count.

    Every form sent counts as an attempt, for the hard limit against floods; only valid requests
    count as accepted, for the soft limit, so a patient's typing mistakes never count.
    """
    return limits.count_hit(
        f"consult-{counter}", request, settings.CONSULTATION_RATE_WINDOW_SECONDS
    )
