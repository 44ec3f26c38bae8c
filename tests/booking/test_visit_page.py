"""The patient's visit page after choosing: changing is the main action and cancelling asks
first (a confirm page); under the time its zone and length, what to expect and one address;
the clinic's move said in words; the booking sent to the patient's own WhatsApp chat; a
calendar file that reminds, and that updates (or removes) the consultation after a change."""

import re
from datetime import timedelta
from urllib.parse import parse_qs, unquote, urlparse

import pytest
from django.urls import reverse
from icalendar import Calendar

from booking.links import visit_path, visit_token
from booking.models import Booking
from tests.factories import (
    clock_at,
    dubai,
    login_staff,
    make_booking,
    make_request,
    make_superuser,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache", "fresh_rules")]

MONDAY_9AM = dubai(2026, 11, 30, 9, 0)


def text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def main(html):
    """The page without the site's header and footer."""
    return html.split("<main")[1].split("</main>")[0]


def page_of(client, booking, language=None):
    with clock_at(MONDAY_9AM):
        return client.get(visit_path(booking, language)).content.decode()


def cancel_path(booking):
    return reverse("booking:cancel", args=[visit_token(booking)])


def calendar_of(client, booking):
    with clock_at(MONDAY_9AM):
        response = client.get(reverse("booking:calendar-file", args=[visit_token(booking)]))
    assert response.status_code == 200
    return Calendar.from_ical(response.content)


# Item 11: change is the main action; cancel asks first.


def test_choose_another_time_is_the_main_action_and_cancel_a_link_to_a_confirm_page(client):
    booking = make_booking(starts_at=dubai(2026, 12, 1, 10, 30))

    html = main(page_of(client, booking))

    assert re.search(r'<a class="button" href="[^"]*\?v=[^"]+">Choose another time</a>', html)
    assert f'href="{cancel_path(booking)}"' in html
    assert 'name="cancel"' not in html  # no one-tap cancel button on the page


def test_cancel_asks_first_and_keep_my_time_goes_back(client):
    booking = make_booking(starts_at=dubai(2026, 12, 1, 10, 30))

    with clock_at(MONDAY_9AM):
        html = client.get(cancel_path(booking)).content.decode()

    assert re.search(r"<h1>Cancel Tue 1 Dec, 10:30\?</h1>", html)
    assert re.search(r'<button type="submit" name="confirm" value="yes"[^>]*>Yes, cancel it<', html)
    assert re.search(rf'<a class="[^"]*" href="{visit_path(booking)}">Keep my time</a>', html)
    assert Booking.objects.get().status == "held"


def test_a_single_post_without_the_confirmation_does_not_cancel(client):
    booking = make_booking(starts_at=dubai(2026, 12, 1, 10, 30))

    with clock_at(MONDAY_9AM):
        from_the_page = client.post(visit_path(booking), {"cancel": "1"})
        unconfirmed = client.post(cancel_path(booking), {"cancel": "1"})

    assert Booking.objects.get().status == "held"
    assert from_the_page["Location"] == cancel_path(booking)
    assert unconfirmed["Location"] == cancel_path(booking)


def test_yes_cancel_it_cancels_and_the_page_says_so(client):
    booking = make_booking(starts_at=dubai(2026, 12, 1, 10, 30))

    with clock_at(MONDAY_9AM):
        done = client.post(cancel_path(booking), {"confirm": "yes"})

    assert done["Location"] == visit_path(booking)
    assert Booking.objects.get().status == "cancelled"
    assert "Your consultation is cancelled" in page_of(client, booking)


# Item 13: the zone and length under the time, what to expect, one address; one clock style.


def test_under_the_time_the_zone_and_the_consultations_own_length(client):
    start = dubai(2026, 12, 1, 10, 30)
    booking = make_booking(starts_at=start, ends_at=start + timedelta(minutes=45))

    html = main(page_of(client, booking))

    assert "Tue 1 Dec, 10:30" in text(html)
    assert "Dubai time (GMT+4) · 45 minutes" in text(html)
    assert "evaluates your hair loss, medical history and suitability" in text(html)
    assert html.count("<address") == 1


def test_the_arabic_page_says_the_zone_and_length_in_arabic(client):
    booking = make_booking(make_request(language="ar"), starts_at=dubai(2026, 12, 1, 10, 30))

    assert "بتوقيت دبي (غرينتش +4) · 30 دقيقة" in text(main(page_of(client, booking)))


@pytest.mark.parametrize(
    ("prefix", "hours"),
    [("", "Monday – Saturday: 10:00 – 22:00"), ("/ar", "من الاثنين إلى السبت، من 10:00 إلى 22:00")],
)
def test_one_clock_style_the_hours_read_as_the_times_do(client, prefix, hours):
    html = client.get(f"{prefix}/contact/").content.decode()

    assert hours in text(html)
    assert not re.search(r"\d(am|pm)\b|صباحًا|مساءً", text(html))


# Item 7: the clinic's move said on the page; the booking sent to the patient's WhatsApp.


def test_the_page_says_when_the_clinic_moved_the_time(client):
    booking = make_booking(starts_at=dubai(2026, 12, 1, 10, 30))
    desk = make_superuser()
    login_staff(client, desk)
    with clock_at(MONDAY_9AM):
        client.post(reverse("admin:booking_move", args=[booking.pk]), {"time": "2026-12-02T15:00"})
    client.logout()

    assert "The clinic moved your consultation from Tue 1 Dec, 10:30 to Wed 2 Dec, 15:00." in text(
        main(page_of(client, booking))
    )


def test_a_time_the_patient_changed_is_not_said_to_be_the_clinics_move(client):
    booking = make_booking(starts_at=dubai(2026, 12, 1, 10, 30))

    with clock_at(MONDAY_9AM):
        client.post(
            reverse("booking:pick"), {"v": visit_token(booking), "time": "2026-12-02T12:00"}
        )

    assert "The clinic moved" not in page_of(client, booking)


def test_send_this_to_my_whatsapp_opens_the_clinics_chat_with_the_time_and_link(client, settings):
    settings.CLINIC = {**settings.CLINIC, "whatsapp": "+971 50 000 1122"}
    booking = make_booking(starts_at=dubai(2026, 12, 1, 10, 30))

    html = main(page_of(client, booking))

    found = re.search(r'<a href="(https://wa\.me/[^"]+)"[^>]*>Send this to my WhatsApp</a>', html)
    url = urlparse(found.group(1).replace("&amp;", "&"))
    message = unquote(parse_qs(url.query)["text"][0])
    assert url.path == "/971500001122"
    assert "Tue 1 Dec, 10:30" in message
    assert f"http://testserver{visit_path(booking)}" in message


# Item 16: reminders in the calendar file, and an updated or cancelling file after a change.


def test_the_calendar_file_reminds_a_day_and_two_hours_before(client):
    booking = make_booking(starts_at=dubai(2026, 12, 1, 10, 30))

    event = calendar_of(client, booking).walk("VEVENT")[0]

    triggers = sorted(alarm.decoded("TRIGGER") for alarm in event.walk("VALARM"))
    assert triggers == [-timedelta(days=1), -timedelta(hours=2)]
    assert event.decoded("SEQUENCE") == 0


def test_each_change_of_time_or_status_gives_the_file_a_higher_sequence(client):
    booking = make_booking(starts_at=dubai(2026, 12, 1, 10, 30))
    sequences = [calendar_of(client, booking).walk("VEVENT")[0].decoded("SEQUENCE")]
    with clock_at(MONDAY_9AM):
        client.post(
            reverse("booking:pick"), {"v": visit_token(booking), "time": "2026-12-02T12:00"}
        )
    sequences.append(calendar_of(client, booking).walk("VEVENT")[0].decoded("SEQUENCE"))
    html = page_of(client, booking)

    assert sequences == [0, 1]
    assert "Update your calendar" in html


def test_after_a_cancel_the_page_offers_the_file_that_removes_it(client):
    booking = make_booking(starts_at=dubai(2026, 12, 1, 10, 30))
    with clock_at(MONDAY_9AM):
        client.post(cancel_path(booking), {"confirm": "yes"})

    html = page_of(client, booking)
    calendar = calendar_of(client, booking)
    event = calendar.walk("VEVENT")[0]

    assert re.search(r'href="[^"]+/calendar\.ics"[^>]*>Remove it from your calendar<', html)
    assert calendar["METHOD"] == "CANCEL"
    assert event["STATUS"] == "CANCELLED" and event.decoded("SEQUENCE") == 1
    assert str(event["UID"]) == f"consultation-{booking.public_id}@ecla-clinic"


def test_the_cancelling_file_names_the_clinic_as_organiser_when_it_has_an_email(client, settings):
    settings.CLINIC = {**settings.CLINIC, "email": "hello@ecla.example"}
    booking = make_booking(starts_at=dubai(2026, 12, 1, 10, 30), status="cancelled")

    event = calendar_of(client, booking).walk("VEVENT")[0]

    assert str(event["ORGANIZER"]) == "mailto:hello@ecla.example"
    assert event["ORGANIZER"].params["CN"] == "Ecla Clinic"
