"""Staff sessions end with the browser or after a working day idle; signing out works anywhere;
patients never get a session."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    form_data,
    login_staff,
    make_front_desk_user,
    make_request,
    submit_password,
)

pytestmark = pytest.mark.django_db

ADMIN_INDEX = reverse("admin:index")
LOGOUT_URL = reverse("admin:logout")


@pytest.fixture
def desk_client(client):
    return login_staff(client, make_front_desk_user())


@pytest.fixture
def clock(monkeypatch):
    """Moves Django's idea of "now" forward, as a day passing would for the session store."""
    start = timezone.now()

    def move_to(hours):
        monkeypatch.setattr(timezone, "now", lambda: start + timedelta(hours=hours))

    return move_to


def test_the_session_cookie_ends_when_the_browser_closes(client):
    make_front_desk_user()

    response = submit_password(client, "desk")

    cookie = response.cookies["sessionid"]
    assert cookie["max-age"] == ""
    assert cookie["expires"] == ""
    assert cookie["httponly"]


def test_a_working_day_without_activity_signs_staff_out(desk_client, settings, clock):
    clock(hours=settings.SESSION_COOKIE_AGE / 3600 + 0.1)

    response = desk_client.get(ADMIN_INDEX)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_activity_keeps_the_session_open_past_a_working_day(desk_client, settings, clock):
    hours = settings.SESSION_COOKIE_AGE / 3600

    clock(hours=hours * 0.9)
    first = desk_client.get(ADMIN_INDEX)
    clock(hours=hours * 1.8)
    second = desk_client.get(ADMIN_INDEX)

    assert first.status_code == 200
    assert second.status_code == 200


def test_patients_reading_and_asking_for_a_consultation_get_no_session(client, empty_cache):
    client.get("/")
    client.get("/faq/")
    client.get("/consultation/")

    client.post("/consultation/", form_data())

    assert Session.objects.count() == 0
    assert "sessionid" not in client.cookies


@pytest.mark.parametrize("admin_page", ["list", "change"])
def test_signing_out_from_the_list_and_a_change_page(desk_client, admin_page):
    request = make_request()
    url = {
        "list": reverse("admin:consultations_consultationrequest_changelist"),
        "change": reverse("admin:consultations_consultationrequest_change", args=[request.pk]),
    }[admin_page]
    html = desk_client.get(url).content.decode()

    response = desk_client.post(LOGOUT_URL)

    assert f'<form id="logout-form" method="post" action="{LOGOUT_URL}">' in html
    assert "Logged out" in response.content.decode()
    assert desk_client.get(url)["Location"].startswith(reverse("admin:login"))
    assert Session.objects.count() == 0
