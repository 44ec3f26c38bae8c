"""Who may open what: anonymous visitors, the front desk and the clinic's superuser against every
admin screen the site has, and CSRF on every form that changes something."""

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from audit.models import AccessEvent
from consultations.models import ConsultationRequest
from tests.factories import form_data, login_staff, make_front_desk_user, make_request

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]

SEEN = 200
REFUSED = 403
SIGN_IN = 302  # to the sign-in page


def admin_urls(request_id, user_id):
    change = "admin:consultations_consultationrequest_change"
    return {
        "admin index": reverse("admin:index"),
        "request list": reverse("admin:consultations_consultationrequest_changelist"),
        "a request": reverse(change, args=[request_id]),
        "its history": reverse(
            "admin:consultations_consultationrequest_history", args=[request_id]
        ),
        "delete a request": reverse(
            "admin:consultations_consultationrequest_delete", args=[request_id]
        ),
        "export": reverse("admin:consultations_consultationrequest_export"),
        "patient data": reverse("admin:consultations_patient_data"),
        "access trail": reverse("admin:audit_accessevent_changelist"),
        "users": reverse("admin:auth_user_changelist"),
        "a user": reverse("admin:auth_user_change", args=[user_id]),
        "groups": reverse("admin:auth_group_changelist"),
    }


FRONT_DESK_SEES = {"admin index", "request list", "a request", "its history", "export"}


@pytest.fixture
def world():
    request = make_request()
    desk = make_front_desk_user()
    owner = User.objects.create_superuser("owner", password="owner-pass-123456")
    AccessEvent.objects.create(action=AccessEvent.Action.VIEWED, username="owner")
    return admin_urls(request.pk, desk.pk), desk, owner


@pytest.mark.parametrize("screen", list(admin_urls(1, 1)))
def test_anonymous_visitors_are_sent_to_sign_in_everywhere(client, world, screen):
    urls, _, _ = world

    response = client.get(urls[screen])

    assert response.status_code == SIGN_IN
    assert "/login/" in response["Location"]


@pytest.mark.parametrize("screen", list(admin_urls(1, 1)))
def test_the_front_desk_sees_requests_and_nothing_else(client, world, screen):
    urls, desk, _ = world
    login_staff(client, desk)

    response = client.get(urls[screen])

    assert response.status_code == (SEEN if screen in FRONT_DESK_SEES else REFUSED)


@pytest.mark.parametrize("screen", list(admin_urls(1, 1)))
def test_the_superuser_sees_every_screen(client, world, screen):
    urls, _, owner = world
    login_staff(client, owner)

    response = client.get(urls[screen])

    assert response.status_code == SEEN


def csrf_client(user=None):
    client = Client(enforce_csrf_checks=True)
    return login_staff(client, user) if user else client


def test_every_form_that_changes_something_needs_its_csrf_token(world):
    urls, desk, owner = world
    request_id = ConsultationRequest.objects.get().pk
    posts = [
        (None, "/consultation/", form_data()),
        (None, reverse("admin:login"), {"username": "owner", "password": "owner-pass-123456"}),
        (desk, urls["a request"], {"status": "booked", "staff_notes": "x"}),
        (desk, urls["request list"], {"action": "mark_booked", "_selected_action": request_id}),
        (owner, urls["delete a request"], {"post": "yes"}),
        (owner, urls["patient data"], {"number": "0501234567", "_export": "1"}),
        (owner, urls["patient data"], {"number": "0501234567", "_erase": "1", "confirm": "yes"}),
        (owner, urls["a user"], {"username": "desk", "is_staff": "on"}),
        (owner, reverse("admin:logout"), {}),
    ]

    statuses = [csrf_client(user).post(url, data).status_code for user, url, data in posts]

    assert statuses == [403] * len(posts)
    assert ConsultationRequest.objects.get().status == ConsultationRequest.Status.NEW
    assert Group.objects.filter(name="Front desk").exists()
