"""The staff member's calendar feed page: besides the address to paste, a webcal:// link (a
tap on the phone subscribes) and a QR code of it (the computer's page, read by the phone's
camera), inline SVG as the two-factor enrolment's, with no inline style or script."""

import re

import pytest
from django.urls import reverse

from tests.factories import login_staff, make_front_desk_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache", "fresh_rules")]


@pytest.fixture
def made(client):
    login_staff(client, make_front_desk_user())
    return client.post(reverse("admin:booking_my_feed"), {"new": "1"}).content.decode()


def test_the_new_address_comes_as_a_webcal_link_to_subscribe_with_one_tap(client, made):
    url = re.search(r'value="http://(testserver/calendar/[^"]+\.ics)"', made).group(1)

    assert re.search(rf'<a class="button" href="webcal://{re.escape(url)}">', made)


def test_the_new_address_comes_as_a_qr_code_without_inline_style_or_script(made):
    figure = re.search(r'<figure class="booking-feed-qr">(.*?)</figure>', made, re.S).group(1)

    assert re.search(r'<svg [^>]*role="img"[^>]*aria-label="[^"]+"', figure)
    assert "<path" in figure
    assert "style=" not in figure and "<script" not in figure


def test_no_qr_code_once_the_address_is_no_longer_shown(client, made):
    page = client.get(reverse("admin:booking_my_feed")).content.decode()

    assert "booking-feed-qr" not in page
    assert "webcal://" not in page
