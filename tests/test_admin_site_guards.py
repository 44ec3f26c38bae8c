"""Guards kept by the one staff admin site, so every admin has them, those added later too:
no page opens without the second factor, and a hidden character (NUL among them) in a list's
search or filters is answered as a filter the list can't apply, never sent to the database
(PostgreSQL refuses a NUL outright: a 500). Walks the site's registry, not a list by hand."""

from urllib.parse import quote

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from staff_access.admin_site import StaffAdminSite
from tests.factories import login_staff, make_superuser

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]

NUL = quote("\x00")
REGISTERED = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


def list_url(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def each_admin(test):
    return pytest.mark.parametrize(
        "model, model_admin", REGISTERED, ids=[model._meta.label for model, _ in REGISTERED]
    )(test)


@pytest.fixture
def owner_client():
    return login_staff(Client(raise_request_exception=False), make_superuser())


def test_the_walk_covers_every_admin_on_the_one_site():
    assert isinstance(admin.site, StaffAdminSite)
    labels = {model._meta.label for model, _ in REGISTERED}
    assert {"auth.Group", "otp_totp.TOTPDevice", "otp_static.StaticDevice"} <= labels
    assert {"ground.DatedHours", "booking.CalendarFeed", "consultations.StaffNotification"} <= (
        labels
    )


@each_admin
def test_a_hidden_character_in_any_admins_list_query_is_a_bad_filter_not_a_server_error(
    owner_client, model, model_admin
):
    url = list_url(model)
    listed = owner_client.get(url)
    # Two lists open another page: the day's times, the one settings row.
    assert listed.status_code in {200, 302}
    specs = listed.context["cl"].filter_specs if listed.status_code == 200 else []
    filters = [name for spec in specs for name in spec.expected_parameters()]

    # A field's own name is a filter Django's admin accepts without a list_filter: the value
    # goes to the database as typed.
    fields = [field.attname for field in model._meta.concrete_fields]

    for name in ["q", "not_a_filter", *filters, *fields]:
        for query in (f"{name}={NUL}", f"{name}=a{NUL}b", f"{name}{NUL}=a"):
            response = owner_client.get(f"{url}?{query}")

            assert response.status_code == 302, (query, response.status_code)
            assert response["Location"] == f"{url}?e=1", query


@each_admin
def test_a_hidden_character_in_an_admins_add_page_query_never_reaches_the_database(
    owner_client, model, model_admin
):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")

    response = owner_client.get(f"{url}?name={NUL}&_changelist_filters=q%3D{NUL}")

    assert response.status_code < 500, response.status_code


@each_admin
def test_no_admins_list_opens_on_the_password_alone(model, model_admin):
    client = Client()
    client.force_login(make_superuser())  # password checked, second factor not
    url = list_url(model)

    response = client.get(f"{url}?q={NUL}")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_a_hidden_character_in_a_page_of_the_site_itself_is_a_bad_request(owner_client):
    for url in (reverse("admin:index"), reverse("admin:app_list", args=["booking"])):
        response = owner_client.get(f"{url}?next={NUL}")

        assert response.status_code == 400, url


def test_the_export_answers_a_hidden_character_as_its_list_does(owner_client):
    url = reverse("admin:consultations_consultationrequest_export")
    list_page = reverse("admin:consultations_consultationrequest_changelist")

    response = owner_client.get(f"{url}?name={NUL}")

    assert response.status_code == 302
    assert response["Location"] == f"{list_page}?e=1"
