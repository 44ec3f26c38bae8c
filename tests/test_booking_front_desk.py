"""The front desk's consultation times: the day and the week, confirm, decline, move, attended
and no-show (each in the contact history and the access trail), the WhatsApp reminder, the chosen
time on the request, the settings for the clinic manager, and the staff calendar feed."""

import re
from datetime import timedelta
from urllib.parse import unquote

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from audit.models import AccessEvent
from booking.feed import new_feed
from booking.links import visit_path
from booking.models import Booking, ClinicSettings
from booking.slots import forget_rules
from consultations.models import ConsultationRequest, ContactEntry
from tests.factories import (
    clock_at,
    dubai,
    login_staff,
    make_booking,
    make_front_desk_user,
    make_request,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache", "fresh_rules")]

MONDAY_9AM = dubai(2026, 11, 30, 9, 0)


def act(client, booking, action):
    return client.post(reverse("admin:booking_act", args=[booking.pk]), {"action": action})


def test_the_day_view_lists_held_and_confirmed_times_with_the_patient(desk):
    make_booking(make_request(name="Layla Hassan"), starts_at=dubai(2026, 12, 1, 10, 30))
    make_booking(starts_at=dubai(2026, 12, 1, 11, 0), status="declined")

    with clock_at(MONDAY_9AM):
        html = desk.get(reverse("admin:booking_day") + "?date=2026-12-01").content.decode()

    assert "Consultations on Tue 1 Dec" in html
    assert html.count('class="booking-visit ') == 1
    assert "Layla Hassan" in html and "10:30" in html and "Held, to confirm" in html


def test_the_week_view_groups_the_times_by_day(desk):
    make_booking(starts_at=dubai(2026, 12, 1, 10, 30))
    make_booking(starts_at=dubai(2026, 12, 3, 12, 0))

    with clock_at(MONDAY_9AM):
        html = desk.get(reverse("admin:booking_week") + "?date=2026-12-02").content.decode()

    headings = re.findall(r'<h2 id="day-\d+"><a [^>]+>(.*?)</a></h2>', html)
    assert headings[0] == "Mon 30 Nov" and len(headings) == 7
    assert html.count('class="booking-visit ') == 2


def test_confirming_books_the_request_and_joins_the_history_and_the_trail(desk):
    booking = make_booking(starts_at=dubai(2026, 12, 1, 10, 30))

    with clock_at(MONDAY_9AM):
        act(desk, booking, "confirm")

    booking.refresh_from_db()
    assert booking.status == "confirmed"
    assert ConsultationRequest.objects.get().status == "booked"
    entry = ContactEntry.objects.get(outcome="booked")
    assert entry.note == "Time confirmed: Tue 1 Dec, 10:30" and entry.username == "desk"
    event = AccessEvent.objects.get(action="changed", object_id=str(booking.request_id))
    assert event.detail["changes"]["consultation_time"]["new"] == "Tue 1 Dec, 10:30 (confirmed)"


def test_a_time_the_patient_cancelled_meanwhile_is_not_confirmed(desk):
    booking = make_booking(status="cancelled")

    with clock_at(MONDAY_9AM):
        response = act(desk, booking, "confirm")

    assert Booking.objects.get().status == "cancelled"
    assert "nothing was done" in desk.get(response["Location"]).content.decode()


def test_declining_frees_the_time_and_puts_the_request_back_in_the_worklist(desk, client):
    booking = make_booking(starts_at=dubai(2026, 12, 1, 10, 30), status="confirmed")
    ConsultationRequest.objects.update(status="booked")

    with clock_at(MONDAY_9AM):
        act(desk, booking, "decline")
        patient_page = client.get(visit_path(booking)).content.decode()

    assert Booking.objects.get().status == "declined"
    consultation = ConsultationRequest.objects.get()
    assert consultation.status == "contacted" and consultation.call_back_on is not None
    assert "We could not keep this time" in patient_page
    assert ContactEntry.objects.get().note == "Time declined: Tue 1 Dec, 10:30"


def test_moving_gives_the_patient_the_new_time_on_the_same_link(desk, client):
    booking = make_booking(starts_at=dubai(2026, 12, 1, 10, 30))

    with clock_at(MONDAY_9AM):
        desk.post(reverse("admin:booking_move", args=[booking.pk]), {"time": "2026-12-02T15:00"})
        patient_page = client.get(visit_path(booking)).content.decode()

    assert Booking.objects.get().starts_at == dubai(2026, 12, 2, 15, 0)
    assert "Wed 2 Dec, 15:00" in patient_page
    assert ContactEntry.objects.get().note == "Time moved from Tue 1 Dec, 10:30 to Wed 2 Dec, 15:00"


def test_moving_to_a_taken_time_is_refused(desk):
    booking = make_booking(starts_at=dubai(2026, 12, 1, 10, 30))
    make_booking(starts_at=dubai(2026, 12, 2, 15, 0))

    with clock_at(MONDAY_9AM):
        desk.post(reverse("admin:booking_move", args=[booking.pk]), {"time": "2026-12-02T15:00"})

    assert Booking.objects.get(pk=booking.pk).starts_at == dubai(2026, 12, 1, 10, 30)


@pytest.mark.parametrize(("action", "status"), [("attended", "attended"), ("no_show", "no_show")])
def test_attended_and_no_show_reach_the_request_as_logging_them_does(desk, action, status):
    booking = make_booking(starts_at=dubai(2026, 11, 30, 8, 0), status="confirmed")

    with clock_at(MONDAY_9AM):
        act(desk, booking, action)

    assert ConsultationRequest.objects.get().status == status
    assert ContactEntry.objects.get().outcome == status


def test_the_reminder_is_recorded_and_opens_whatsapp_in_the_patients_language(desk):
    booking = make_booking(make_request(language="ar"), starts_at=dubai(2026, 12, 1, 10, 30))

    with clock_at(MONDAY_9AM):
        before = desk.get(reverse("admin:booking_reminders")).content.decode()
        page = desk.post(reverse("admin:booking_remind", args=[booking.pk])).content.decode()
        after = desk.get(reverse("admin:booking_reminders")).content.decode()

    link = unquote(re.search(r'href="(https://wa\.me/971501234567\?text=[^"]+)"', page).group(1))
    assert "الثلاثاء 1 ديسمبر، الساعة 10:30" in link
    assert "1128 شارع الوصل" in link  # the address in the patient's language
    assert visit_path(booking) in link
    assert Booking.objects.get().reminder_sent_at is not None
    assert "Omar Khalid" in before and "Omar Khalid" not in after


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "\nYou can also choose your consultation time yourself here: "),
        ("ar", "\nويمكنك أيضًا اختيار موعد استشارتك بنفسك من هنا: "),
    ],
)
def test_the_front_desks_whatsapp_greeting_links_to_the_patients_own_picker(desk, language, words):
    make_request(language=language)
    listing = desk.get(
        reverse("admin:consultations_consultationrequest_changelist") + "?work=all"
    ).content.decode()

    text = unquote(re.search(r'href="https://wa\.me/971501234567\?text=([^"]+)"', listing).group(1))
    picker = re.search(r"http://testserver(/\S*consultation/time/\?r=\S+)", text).group(1)
    assert words in text
    assert picker.startswith("/ar/" if language == "ar" else "/consultation/")
    with clock_at(MONDAY_9AM):
        shown = Client().get(picker)  # the patient's phone, signed in to nothing
    assert shown.status_code == 200
    assert 'name="time" value="2026-11-30T11:00"' in shown.content.decode()


def test_the_request_shows_its_chosen_time_in_the_list_and_on_its_page(desk):
    booking = make_booking(starts_at=dubai(2026, 12, 1, 10, 30))

    listing = desk.get(
        reverse("admin:consultations_consultationrequest_changelist") + "?work=all"
    ).content.decode()
    page = desk.get(
        reverse("admin:consultations_consultationrequest_change", args=[booking.request_id])
    ).content.decode()

    assert "Tue 1 Dec, 10:30</a> (Held, to confirm)" in listing
    assert "Tue 1 Dec, 10:30</a> (Held, to confirm)" in page


def test_the_clinic_manager_sets_the_booking_settings_and_the_front_desk_cannot(client):
    manager = User.objects.create_user("manager", password="manager-pass-123", is_staff=True)
    manager.groups.add(Group.objects.get(name="Clinic manager"))
    url = reverse("admin:booking_clinicsettings_change", args=[1])
    ClinicSettings.load()
    data = {
        "slot_minutes": 45, "buffer_minutes": 15, "minimum_notice_hours": 4, "days_ahead": 21,
        "capacity": 2, "confirmation": "instant", "hold_opening_days": 1,
    }  # fmt: skip

    login_staff(client, make_front_desk_user())
    refused = client.post(url, data)
    login_staff(client, manager)
    saved = client.post(url, data)

    assert refused.status_code == 403
    assert saved.status_code == 302
    assert ClinicSettings.load().slot_minutes == 45


def test_the_staff_calendar_feed_has_no_patient_name_unless_the_clinic_turns_it_on(client):
    desk_user = make_front_desk_user()
    make_booking(make_request(name="Layla Hassan"), starts_at=dubai(2026, 12, 1, 10, 30))
    key = new_feed(desk_user)
    url = reverse("booking-feed", args=[key])

    with clock_at(MONDAY_9AM):
        plain = client.get(url).content.decode()
        ClinicSettings.objects.update_or_create(pk=1, defaults={"feed_shows_patients": True})
        forget_rules()
        named = client.get(url).content.decode()

    event = Calendar.from_ical(plain).walk("VEVENT")[0]
    assert "Layla" not in plain and "+971" not in plain
    assert str(event["SUMMARY"]) == "Consultation (held)"
    assert event.decoded("DTSTART") == dubai(2026, 12, 1, 10, 30)
    assert "Layla Hassan" in named


def test_a_new_feed_address_revokes_the_old_one_and_turning_it_off_revokes_both(client):
    desk_user = make_front_desk_user()
    old = new_feed(desk_user)
    new = new_feed(desk_user)

    assert client.get(reverse("booking-feed", args=[old])).status_code == 404
    assert client.get(reverse("booking-feed", args=[new])).status_code == 200
    desk_user.is_active = False
    desk_user.save()
    assert client.get(reverse("booking-feed", args=[new])).status_code == 404


def test_staff_make_their_feed_in_the_admin(desk):
    page = desk.post(reverse("admin:booking_my_feed"), {"new": "1"}).content.decode()

    url = re.search(r'value="(http://testserver/calendar/[^"]+\.ics)"', page).group(1)
    assert desk.get(url).status_code == 200


def test_the_calendar_file_reads_back_at_the_right_hour_in_london(client):
    from zoneinfo import ZoneInfo

    booking = make_booking(starts_at=dubai(2026, 12, 1, 10, 30))

    with clock_at(MONDAY_9AM):
        response = client.get(visit_path(booking) + "calendar.ics")

    calendar = Calendar.from_ical(response.content)
    event = calendar.walk("VEVENT")[0]
    start = event.decoded("DTSTART")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert start.tzinfo.key == "Asia/Dubai" if hasattr(start.tzinfo, "key") else True
    assert start.astimezone(ZoneInfo("Europe/London")).strftime("%H:%M") == "06:30"
    assert event.decoded("DTEND") - start == timedelta(minutes=30)
    assert "1128, Al Wasl Road" in str(event["LOCATION"])
    assert visit_path(booking) in str(event["DESCRIPTION"])
    assert "Omar" not in response.content.decode()


def test_the_front_page_counts_todays_times_in_arabic_with_the_arabic_comma(desk):
    make_booking(starts_at=dubai(2026, 11, 30, 12, 0))
    desk.post(reverse("staff_access:language"), {"language": "ar", "next": "/admin/"})

    with clock_at(MONDAY_9AM):
        html = desk.get(reverse("admin:index")).content.decode()

    # Each count is its own link (the day; the times to confirm): read the line's words.
    assert "اليوم: استشارة واحدة، موعد واحد بانتظار التأكيد" in re.sub(r"<[^>]+>", "", html)
