"""Every staff screen that shows a patient's name or number keeps each in its own isolate (a
name in <bdi>, a number in dir="ltr"), in the English and the Arabic admin; the contact
history's status arrow points the way the admin reads. The drawn order is read in Chromium in
tests/browser/test_staff_numbers_in_browser.py."""

import pytest
from django.test import Client
from django.utils import timezone

from consultations.models import ContactEntry
from staff_access.models import StaffPreference
from tests.factories import login_staff, make_booking, make_contact, make_request, make_superuser

pytestmark = pytest.mark.django_db

NAME = "مريم الحربي"
NUMBER_LTR = '<bdi dir="ltr">+971 52 222 3344</bdi>'


@pytest.fixture(params=["en", "ar"])
def staff(request):
    user = make_superuser()
    StaffPreference.objects.create(user=user, language=request.param)
    return login_staff(Client(), user)


@pytest.fixture
def booking():
    from datetime import timedelta

    starts_at = (timezone.localtime() + timedelta(days=1)).replace(hour=11, minute=0)
    return make_booking(make_request(name=NAME, phone="+971522223344"), starts_at=starts_at)


def test_the_day_week_and_reminder_rows_isolate_the_name_and_the_number(staff, booking):
    day = f"{timezone.localtime(booking.starts_at):%Y-%m-%d}"
    for url in (
        f"/admin/booking/booking/day/?date={day}",
        f"/admin/booking/booking/week/?date={day}",
        "/admin/booking/booking/reminders/",
    ):
        html = staff.get(url).content.decode()
        assert f"<bdi>{NAME}</bdi>" in html, url
        assert NUMBER_LTR in html, url


def test_the_requests_list_shows_phone_and_whatsapp_left_to_right(staff, booking):
    html = staff.get("/admin/consultations/consultationrequest/?work=all").content.decode()
    assert html.count(NUMBER_LTR) == 2  # the phone column and the WhatsApp column


def test_the_log_page_and_the_change_page_isolate_the_number_and_the_name(staff, booking):
    url = f"/admin/consultations/consultationrequest/{booking.request_id}/"
    log = staff.get(f"{url}log/").content.decode()
    assert NUMBER_LTR in log
    assert f"<bdi>{NAME}</bdi> (#{booking.request_id})" in log  # the breadcrumb
    assert f"\u2068{NAME}\u2069" in log  # the title, plain text: an isolate of characters

    change = staff.get(f"{url}change/").content.decode()
    assert 'name="phone" value="+971522223344"' in change
    for field in ("phone", "whatsapp"):
        tag = change[change.index(f'name="{field}"') :].split(">")[0]
        assert 'dir="ltr"' in tag, field
    assert 'dir="auto"' in change[change.index('name="name"') :].split(">")[0]
    assert f"\u2068{NAME}\u2069 (#{booking.request_id})" in change  # the subtitle
    assert f"<bdi>{NAME}</bdi> (#{booking.request_id})" in change  # the breadcrumb


def test_the_erasure_page_shows_the_number_left_to_right(staff, booking):
    page = staff.post(
        "/admin/consultations/consultationrequest/patient-data/",
        {"number": "+971522223344", "_erase": "1"},
    )
    assert (
        NUMBER_LTR in page.content.decode() or 'dir="ltr">+971522223344<' in page.content.decode()
    )


@pytest.mark.parametrize(
    ("language", "arrow"), [("en", "New → Contacted"), ("ar", "جديد ← تم التواصل")]
)
def test_the_contact_historys_arrow_points_the_way_the_admin_reads(language, arrow):
    consultation = make_request(name=NAME)
    user = make_superuser()
    StaffPreference.objects.create(user=user, language=language)
    make_contact(consultation, user, ContactEntry.Outcome.WHATSAPP_SENT, timezone.now())
    client = login_staff(Client(), user)
    html = client.get(f"/admin/consultations/consultationrequest/{consultation.pk}/log/")
    assert arrow in " ".join(html.content.decode().split())
