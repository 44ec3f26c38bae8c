"""The picker on a phone: one tap chooses (each time its own submit button, no JavaScript), the
times of a day grouped morning / afternoon / evening, closed days named, earlier and later days
side by side; a taken time keeps the patient on the days they were reading; the change picker
shows the current time and a way to keep it."""

import re
from datetime import date

import pytest
from django.urls import reverse

from booking.links import visit_path, visit_token
from booking.models import Booking
from ground.models import DatedHours
from tests.factories import choose_time, clock_at, dubai, make_booking, make_request, picker_url
from tests.picker import legends, offered, problem

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache", "fresh_rules")]

MONDAY_9AM = dubai(2026, 11, 30, 9, 0)


def test_each_time_is_its_own_submit_button_so_one_tap_chooses(client):
    with clock_at(MONDAY_9AM):
        html = client.get(picker_url(make_request())).content.decode()

    buttons = re.findall(r'<button type="submit" name="time" value="([^"]+)"', html)
    assert buttons[0] == "2026-11-30T11:00"
    assert buttons == offered_values(html)
    assert 'type="radio"' not in html
    assert "Choose this time" not in html
    assert "<script" not in html.split('class="time-picker"')[1]


def offered_values(html):
    return re.findall(r'name="time" value="([^"]+)"', html)


def text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip()


def link(html, css_class):
    found = re.search(rf'<a class="{css_class}[^"]*" href="([^"]+)"', html)
    return found.group(1).replace("&amp;", "&") if found else None


def hidden(html, name):
    return re.search(rf'<input type="hidden" name="{name}" value="([^"]*)"', html).group(1)


def test_the_times_of_a_day_are_grouped_morning_afternoon_evening(client):
    with clock_at(MONDAY_9AM):
        html = client.get(picker_url(make_request())).content.decode()

    tuesday = html.split('<fieldset class="time-day">')[2].split("</fieldset>")[0]
    groups = {
        re.search(r'class="time-group-name"[^>]*>([^<]+)<', group).group(1): [
            value[-5:] for value in offered_values(group)
        ]
        for group in tuesday.split('<div class="time-group"')[1:]
    }
    assert list(groups) == ["Morning", "Afternoon", "Evening"]
    assert groups["Morning"][0] == "10:00" and groups["Morning"][-1] == "11:30"
    assert groups["Afternoon"][0] == "12:00" and groups["Afternoon"][-1] == "16:30"
    assert groups["Evening"][0] == "17:00" and groups["Evening"][-1] == "21:30"


def test_earlier_times_sits_beside_later_times(client):
    consultation = make_request()
    with clock_at(MONDAY_9AM):
        first = client.get(picker_url(consultation)).content.decode()
        second = client.get(reverse("booking:pick") + link(first, "later-times"))
    nav = re.search(r'<p class="time-pages">.*?</p>', second.content.decode()).group(0)

    assert link(first, "earlier-times") is None  # nothing earlier than the first day
    assert legends(second)[0] == "Thu 3 Dec"
    assert link(nav, "earlier-times") and link(nav, "later-times")
    with clock_at(MONDAY_9AM):
        back = client.get(reverse("booking:pick") + link(nav, "earlier-times"))
    assert legends(back)[:3] == ["Mon 30 Nov", "Tue 1 Dec", "Wed 2 Dec"]


def test_closed_days_are_named_among_the_days_shown(client):
    DatedHours.objects.create(
        name="National Day", starts_on=date(2026, 12, 2), ends_on=date(2026, 12, 2), closed=True
    )
    consultation = make_request()
    with clock_at(MONDAY_9AM):
        first = client.get(picker_url(consultation)).content.decode()
        later = client.get(reverse("booking:pick") + link(first, "later-times")).content.decode()

    def closed(html):
        return [text(p) for p in re.findall(r'<p class="time-closed">.*?</p>', html)]

    assert closed(first) == ["Closed: Wed 2 Dec, National Day"]
    assert legends_of(first) == ["Mon 30 Nov", "Tue 1 Dec", "Thu 3 Dec"]
    assert closed(later) == ["Closed: Sun 6 Dec"]


def legends_of(html):
    return re.findall(r"<legend>(.*?)</legend>", html)


def test_after_a_taken_time_the_patient_stays_on_the_days_they_were_reading(client):
    consultation = make_request()
    with clock_at(MONDAY_9AM):
        first = client.get(picker_url(consultation)).content.decode()
        later = client.get(reverse("booking:pick") + link(first, "later-times")).content.decode()
    make_booking(starts_at=dubai(2026, 12, 4, 10, 30))  # someone else, a moment before

    with clock_at(MONDAY_9AM):
        response = client.post(
            reverse("booking:pick"),
            {"r": hidden(later, "r"), "from": hidden(later, "from"), "time": "2026-12-04T10:30"},
        )

    assert response.status_code == 409
    assert problem(response).startswith("Sorry, someone has just taken Fri 4 Dec, 10:30")
    assert legends(response)[0] == "Thu 3 Dec"
    assert "2026-12-04T11:00" in offered(response)


def test_the_change_picker_shows_the_current_time_and_keep_my_time(client):
    booking = make_booking(starts_at=dubai(2026, 12, 1, 10, 30))
    url = f"{reverse('booking:pick')}?v={visit_token(booking)}"

    with clock_at(MONDAY_9AM):
        html = client.get(url).content.decode()

    current = re.search(r'<p class="time-current">.*?</p>', html).group(0)
    assert text(current) == "Your time now: Tue 1 Dec, 10:30"
    assert link(html, "keep-time") == visit_path(booking)
    assert re.search(r'class="keep-time[^>]*>Keep my time</a>', html)
    assert "2026-12-01T10:30" not in offered_values(html)  # it is already theirs


def test_a_choice_from_the_buttons_still_holds_the_time(client):
    consultation = make_request()
    with clock_at(MONDAY_9AM):
        chosen = choose_time(client, consultation, "2026-12-01T10:30")

    assert chosen.status_code == 302
    assert Booking.objects.get().starts_at == dubai(2026, 12, 1, 10, 30)
