"""The front desk's follow-ups: which open requests are due for a call back, and when."""

from datetime import timedelta

from django.db.models import Q

from ground.hours import clinic_now, clinic_today


def due_now(queryset):
    """Open requests whose call-back date is today (Dubai) or earlier."""
    return queryset.open().filter(call_back_on__lte=clinic_today())


def overdue(queryset):
    """Open requests whose call-back is past: an earlier day, or today after its time."""
    now = clinic_now()
    return queryset.open().filter(
        Q(call_back_on__lt=now.date())
        | Q(call_back_on=now.date(), call_back_after__isnull=False, call_back_after__lt=now.time())
    )


def due_today(queryset):
    return queryset.open().filter(call_back_on=clinic_today())


def quick_date(choice):
    """The call-back date for the quick choices "tomorrow" and "in 3 days"."""
    days = {"tomorrow": 1, "in_3_days": 3}.get(choice)
    return clinic_today() + timedelta(days=days) if days else None
