"""Fills the database DATABASE_URL names with 10,000 future consultation times (each with its
request), as a busy clinic might hold them: most of the next 14 days' times taken, the rest spread
over the months after; prints a picker address (a request reference) for bench/picker.sh.

Run by bench/picker.sh:  DATABASE_URL=... .venv/bin/python bench/booking_data.py [--bookings N]
"""

import argparse
import os
import sys
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic_site.settings")

import django

django.setup()

from django.utils import timezone  # noqa: E402

from booking import slots  # noqa: E402
from booking.models import Booking  # noqa: E402
from consultations.models import ConsultationRequest  # noqa: E402
from consultations.references import reference_for  # noqa: E402


def fill(count):
    now = timezone.now()
    current = slots.rules()
    starts = slots.offered_starts(now, current)
    # Four in five of the next 14 days' times taken, leaving some free, then later days in turn.
    near = [start for n, start in enumerate(starts) if n % 5]
    day, later = starts[-1].date() + timedelta(days=1), []
    while len(near) + len(later) < count:
        later += slots.day_starts(day, current)
        day += timedelta(days=1)
    times = (near + later)[:count]
    requests = ConsultationRequest.objects.bulk_create(
        ConsultationRequest(
            name=f"Patient {n}",
            phone=f"+9715{n:08d}",
            whatsapp=f"+9715{n:08d}",
            consent_given_at=now,
            fingerprint=f"{n:064d}",
        )
        for n in range(count)
    )
    length = current.settings.slot_length
    Booking.objects.bulk_create(
        Booking(
            request=request,
            starts_at=start,
            ends_at=start + length,
            status="confirmed" if n % 3 else "held",
        )
        for n, (request, start) in enumerate(zip(requests, times, strict=True))
    )
    patient = ConsultationRequest.objects.create(
        name="Bench patient", phone="+971509999999", whatsapp="+971509999999",
        consent_given_at=now, fingerprint="b" * 64,
    )  # fmt: skip
    return f"/consultation/time/?{urlencode({'r': reference_for(patient)})}"


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bookings", type=int, default=10_000)
    url = fill(parser.parse_args().bookings)
    print(Booking.objects.active().count(), "active bookings;", url)
