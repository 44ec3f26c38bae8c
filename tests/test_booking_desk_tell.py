"""After Confirm, Move or Decline the desk is offered a wa.me message for the patient, in the
patient's language, with the patient's visit link; Decline is a secondary action that can be
undone for a while, while nobody has taken the time."""

import re
from datetime import timedelta
from urllib.parse import unquote

import pytest
from django.urls import reverse
from django.utils import timezone

from booking.links import visit_path
from booking.models import Booking
from consultations.models import ConsultationRequest, ContactEntry
from tests.factories import (
    choose_time,
    clock_at,
    dubai,
    make_booking,
    make_request,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache", "fresh_rules")]

MONDAY_9AM = dubai(2026, 11, 30, 9, 0)


def act(client, booking, action):
    return client.post(reverse("admin:booking_act", args=[booking.pk]), {"action": action})


def message_link(page):
    """The tell page's link from the success message on the page the action went back to."""
    return re.search(r'href="(/admin/booking/booking/\d+/tell/[^"]+)"', page).group(1)


def whatsapp_text(page):
    url = re.search(r'href="(https://wa\.me/971501234567\?text=[^"]+)"', page).group(1)
    return unquote(url.split("?text=", 1)[1])


def test_after_confirm_the_desk_gets_the_patients_message_in_arabic(desk):
    booking = make_booking(make_request(language="ar"), starts_at=dubai(2026, 12, 1, 10, 30))

    with clock_at(MONDAY_9AM):
        back = desk.get(act(desk, booking, "confirm")["Location"]).content.decode()
        page = desk.get(message_link(back)).content.decode()

    text = whatsapp_text(page)
    assert "تم تأكيد موعد استشارتك المجانية يوم الثلاثاء 1 ديسمبر، الساعة 10:30" in text
    assert visit_path(booking) in text
    assert 'lang="ar" dir="rtl"' in page  # the preview in the message's own direction


def test_after_a_move_the_message_says_from_and_to(desk):
    booking = make_booking(make_request(), starts_at=dubai(2026, 12, 1, 10, 30), status="confirmed")

    with clock_at(MONDAY_9AM):
        moved = desk.post(
            reverse("admin:booking_move", args=[booking.pk]), {"time": "2026-12-02T15:00"}
        )
        back = desk.get(moved["Location"]).content.decode()
        page = desk.get(message_link(back)).content.decode()

    text = whatsapp_text(page)
    assert "moved your free consultation from Tue 1 Dec, 10:30 to Wed 2 Dec, 15:00" in text
    assert visit_path(booking) in text


def test_after_a_decline_the_message_says_we_could_not_keep_it(desk):
    booking = make_booking(make_request(), starts_at=dubai(2026, 12, 1, 10, 30))

    with clock_at(MONDAY_9AM):
        back = desk.get(act(desk, booking, "decline")["Location"]).content.decode()
        page = desk.get(message_link(back)).content.decode()

    assert "we could not keep your free consultation on Tue 1 Dec, 10:30" in whatsapp_text(page)
    assert 'value="undo_decline"' in page


def test_decline_is_a_secondary_action_away_from_confirm(desk):
    make_booking(starts_at=dubai(2026, 12, 1, 10, 30))

    with clock_at(MONDAY_9AM):
        html = desk.get(reverse("admin:booking_day") + "?date=2026-12-01").content.decode()

    confirm_form = re.search(r"<form[^>]*>(?:(?!</form>).)*value=\"confirm\".*?</form>", html, re.S)
    assert 'value="decline"' not in confirm_form.group(0)
    decline = re.search(r'<button class="([^"]*)"[^>]*value="decline"', html).group(1)
    assert "button" not in decline.split()  # not styled as the primary action


def test_undoing_a_decline_gives_the_confirmed_time_back_and_books_the_request_again(desk):
    booking = make_booking(starts_at=dubai(2026, 12, 1, 10, 30), status="confirmed")
    ConsultationRequest.objects.update(status="booked")

    with clock_at(MONDAY_9AM):
        act(desk, booking, "decline")
        act(desk, booking, "undo_decline")

    assert Booking.objects.get().status == "confirmed"
    assert ConsultationRequest.objects.get().status == "booked"
    assert ContactEntry.objects.order_by("-pk").first().note == (
        "Decline undone: Tue 1 Dec, 10:30 is the patient’s again"
    )


def test_a_decline_cannot_be_undone_once_someone_took_the_time(desk, client):
    booking = make_booking(starts_at=dubai(2026, 11, 30, 15, 0))
    other = make_request(name="Sara Ali", phone="+971509999999")

    with clock_at(MONDAY_9AM):
        act(desk, booking, "decline")
        choose_time(client, other, "2026-11-30T15:00")
        page = desk.get(act(desk, booking, "undo_decline")["Location"]).content.decode()

    assert Booking.objects.get(pk=booking.pk).status == "declined"
    assert Booking.objects.get(request=other).status == "held"
    assert "Someone has taken that time meanwhile" in page


def test_a_decline_cannot_be_undone_after_the_window(desk):
    booking = make_booking(starts_at=dubai(2026, 12, 1, 10, 30))

    with clock_at(MONDAY_9AM):
        act(desk, booking, "decline")
        Booking.objects.update(updated_at=timezone.now() - timedelta(minutes=31))
        page = desk.get(act(desk, booking, "undo_decline")["Location"]).content.decode()

    assert Booking.objects.get().status == "declined"
    assert "can no longer be undone" in page


def test_the_message_of_a_confirmation_is_not_offered_for_a_time_declined_since(desk):
    booking = make_booking(make_request(), starts_at=dubai(2026, 12, 1, 10, 30))

    with clock_at(MONDAY_9AM):
        act(desk, booking, "confirm")
        act(desk, booking, "decline")
        response = desk.get(reverse("admin:booking_tell", args=[booking.pk, "confirmed"]))

    assert response.status_code == 302
    assert "wa.me" not in desk.get(response["Location"]).content.decode()


def test_a_decline_is_not_undone_while_the_patients_number_holds_another_time(desk):
    patient = make_request(phone="+971501234567")
    booking = make_booking(patient, starts_at=dubai(2026, 12, 1, 10, 30))
    with clock_at(MONDAY_9AM):
        act(desk, booking, "decline")
        # Meanwhile the same number chose another time through a second request.
        again = make_request(phone="+971501234567", name="Omar Khalid")
        make_booking(again, starts_at=dubai(2026, 12, 2, 11, 0))
        act(desk, booking, "undo_decline")

    assert Booking.objects.get(pk=booking.pk).status == "declined"
    assert Booking.objects.active().count() == 1


def test_an_undone_decline_waits_for_confirmation_as_a_new_hold_does(desk):
    booking = make_booking(starts_at=dubai(2026, 12, 3, 10, 30), lapses_at=MONDAY_9AM)
    with clock_at(MONDAY_9AM - timedelta(hours=1)):
        act(desk, booking, "decline")
        act(desk, booking, "undo_decline")

    restored = Booking.objects.get(pk=booking.pk)
    assert restored.status == "held"
    assert restored.lapses_at == dubai(2026, 12, 1, 22, 0)  # the close of the next opening day
