"""The patient's booking pages are valid HTML (the Nu validator): the picker with its buttons,
closed days and change picker, the visit page in each state (moved by the clinic too), the
cancel confirm page, in English and Arabic."""

import json
import subprocess
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import translation

from booking.links import visit_path, visit_token
from ground.models import DatedHours
from tests.factories import clock_at, dubai, make_booking, make_request, picker_url
from tests.test_html_validity import vnu  # noqa: F401 (the validator's fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache", "fresh_rules")]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_patients_booking_pages_are_valid_html(client, vnu, tmp_path, settings, language):  # noqa: F811
    settings.CLINIC = {**settings.CLINIC, "phone": "+971 4 123 4567", "whatsapp": "+971501234567"}
    DatedHours.objects.create(
        name="National Day", starts_on=date(2026, 12, 2), ends_on=date(2026, 12, 2), closed=True
    )
    start = dubai(2026, 12, 1, 10, 30)
    held = make_booking(make_request(language=language), starts_at=start)
    moved = make_booking(
        make_request(phone="+971500000002", language=language),
        starts_at=start + timedelta(hours=1),
        status="confirmed",
        moved_from=start + timedelta(hours=2),
        calendar_sequence=1,
    )
    cancelled = make_booking(
        make_request(phone="+971500000003", language=language), starts_at=start, status="cancelled"
    )
    with translation.override(language):
        change = f"{reverse('booking:pick')}?v={visit_token(held)}"
        cancel = reverse("booking:cancel", args=[visit_token(held)])
    urls = [picker_url(make_request(phone="+971500000004"), language), change, cancel]
    urls += [visit_path(booking) for booking in (held, moved, cancelled)]
    files = []
    with clock_at(dubai(2026, 11, 30, 9, 0)):
        for number, url in enumerate(urls):
            path = tmp_path / f"page-{number}.html"
            path.write_bytes(client.get(url).content)
            files.append(str(path))

    result = subprocess.run([*vnu, *files], capture_output=True, text=True, timeout=120)

    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    assert [(m["url"].rsplit("/", 1)[-1], m["message"]) for m in messages] == []
