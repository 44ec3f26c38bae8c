"""The request's admin is one class a reader can open (issue 27, item 1): registered in
frontdesk/admin.py with the columns, filters and sections the staff see, as written there."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.test import RequestFactory

from consultations.models import ConsultationRequest
from tests.factories import make_front_desk_user

pytestmark = pytest.mark.django_db

COLUMNS = [
    "name", "phone_link", "whatsapp_link", "status", "follow_up", "clocks", "best_time",
    "prefers", "consultation_time", "created_at", "source", "language",
    "is_possible_duplicate", "log_link",
]  # fmt: skip


def request_of(user):
    request = RequestFactory().get("/admin/consultations/consultationrequest/")
    request.user = user
    return request


def column_names(model_admin, request):
    return [getattr(column, "__name__", column) for column in model_admin.get_list_display(request)]


def test_the_requests_admin_is_the_front_desks_class_as_written():
    model_admin = admin.site._registry[ConsultationRequest]

    assert type(model_admin).__module__ == "frontdesk.admin"
    assert list(model_admin.list_display) == COLUMNS
    assert column_names(model_admin, request_of(make_front_desk_user())) == COLUMNS


def test_staff_who_only_view_requests_get_every_column_but_the_log_button():
    manager = User.objects.create_user("manager", password="x" * 20, is_staff=True)
    manager.groups.add(Group.objects.get(name="Clinic manager"))
    model_admin = admin.site._registry[ConsultationRequest]

    assert column_names(model_admin, request_of(manager)) == COLUMNS[:-1]
