"""The day-before reminder reads whole in the patient's language: the clinic's address in it
(its house number beside its street), each link on a line of its own, and its preview on the
reminder page drawn in the message's own direction whatever the admin's language."""

import re
from html import unescape
from urllib.parse import unquote

import pytest
from django.urls import reverse

from booking.links import visit_path
from tests.factories import (
    clock_at,
    dubai,
    make_booking,
    make_request,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache", "fresh_rules")]

MONDAY_9AM = dubai(2026, 11, 30, 9, 0)


def remind(desk, language):
    booking = make_booking(
        make_request(name="مريم الحربي", phone="+971522223344", language=language),
        starts_at=dubai(2026, 12, 1, 10, 30),
    )
    with clock_at(MONDAY_9AM):
        page = desk.post(reverse("admin:booking_remind", args=[booking.pk])).content.decode()
    link = re.search(r'href="(https://wa\.me/971522223344\?text=[^"]+)"', page).group(1)
    return booking, page, unquote(unescape(link)).split("?text=", 1)[1]


def test_the_arabic_reminder_gives_the_address_in_arabic_and_each_link_its_own_line(desk):
    booking, _page, text = remind(desk, "ar")
    lines = text.split("\n")

    assert "في 1128 شارع الوصل، أم سقيم 2، جميرا، دبي." in lines[0]
    assert "Al Wasl" not in text
    assert lines[1:3] == ["الخريطة:", lines[2]] and lines[2].startswith("https://")
    assert lines[3] == "للتغيير أو الإلغاء:"
    assert lines[4].startswith("http") and lines[4].endswith(visit_path(booking))


def test_the_english_reminder_keeps_the_address_as_the_clinic_writes_it(desk):
    booking, _page, text = remind(desk, "en")
    lines = text.split("\n")

    assert "at 1128, Al Wasl Road, Umm Suqeim 2, Jumeirah, Dubai." in lines[0]
    assert lines[1] == "Map:" and lines[2].startswith("https://")
    assert lines[3] == "To change or cancel:" and lines[4].endswith(visit_path(booking))


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_the_preview_takes_the_messages_own_language_and_direction(desk, language, direction):
    _booking, page, _text = remind(desk, language)  # the admin is in English
    assert f'class="booking-remind__text" lang="{language}" dir="{direction}"' in page


def test_each_link_in_an_arabic_preview_is_drawn_left_to_right(desk):
    # Inside a right-to-left paragraph a bare link is drawn with its trailing "/" at its start.
    booking, page, _text = remind(desk, "ar")
    preview = re.search(r'class="booking-remind__text"[^>]*>(.*?)</p>', page, re.S).group(1)

    links = re.findall(r'<bdi dir="ltr">(https?://[^<]+)</bdi>', preview)
    assert len(links) == 2 and links[1].endswith(visit_path(booking))
    assert "<script" not in preview  # still escaped
