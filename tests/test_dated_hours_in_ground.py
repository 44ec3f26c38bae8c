"""The dated hours live in ground beside the weekly hours (issue 27, item 3): their tables, rows
and the groups' permissions carry over from booking, whether the database is made fresh or
migrated from before the move, and their admin's old addresses still open it."""

from datetime import date, time

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from ground.models import DatedHours, DayHours
from tests.factories import login_staff, make_front_desk_user, make_superuser

BEFORE = [("ground", None), ("booking", "0007_booking_public_id")]
AFTER = [("ground", "0001_dated_hours_move_here")]
ACTIONS = ("view", "add", "change", "delete")
MODELS = ("datedhours", "dayhours")


def manager():
    user = User.objects.create_user("manager", password="manager-pass-123", is_staff=True)
    user.groups.add(Group.objects.get(name="Clinic manager"))
    return user


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    ContentType.objects.clear_cache()
    return executor.loader.project_state([node for node in targets if node[1]]).apps


@pytest.mark.django_db
def test_on_a_fresh_database_the_clinic_manager_edits_the_dated_hours_in_ground():
    user = manager()

    assert not ContentType.objects.filter(app_label="booking", model__in=MODELS).exists()
    assert all(user.has_perm(f"ground.{action}_{model}") for action in ACTIONS for model in MODELS)
    assert DatedHours._meta.db_table == "booking_datedhours"
    assert DayHours._meta.db_table == "booking_dayhours"


@pytest.mark.django_db(transaction=True)
def test_a_database_from_before_the_move_keeps_its_rows_and_its_groups_permissions():
    old = migrate(BEFORE)
    old_permission = old.get_model("auth", "Permission").objects
    # The migrations' group, or, after a test that emptied the tables, one made as they make it.
    group = old.get_model("auth", "Group").objects.get_or_create(name="Clinic manager")[0]
    group.permissions.add(
        old_permission.get(content_type__app_label="booking", codename="change_datedhours"),
        old_permission.get(content_type__app_label="booking", codename="add_dayhours"),
    )
    plan = old.get_model("booking", "DatedHours").objects.create(
        name="Ramadan", starts_on=date(2027, 2, 8), ends_on=date(2027, 3, 9)
    )
    old.get_model("booking", "DayHours").objects.create(
        plan=plan, weekday=1, opens=time(20), closes=time(23)
    )

    migrate(AFTER)
    user = manager()
    ramadan = DatedHours.objects.get()
    permissions = Permission.objects.filter(group__name="Clinic manager", codename__in=[
        f"{action}_{model}" for action in ACTIONS for model in MODELS
    ])  # fmt: skip

    assert (ramadan.pk, ramadan.name) == (plan.pk, "Ramadan")
    assert [str(day) for day in ramadan.days.all()] == ["Tuesday 20:00–23:00"]
    assert {p.content_type.app_label for p in permissions} == {"ground"}
    assert user.has_perm("ground.change_datedhours")
    assert user.has_perm("ground.add_dayhours")

    back = migrate(BEFORE)  # and back again: the rows and permissions are booking's once more
    assert back.get_model("booking", "DatedHours").objects.get().name == "Ramadan"
    assert set(
        Permission.objects.filter(
            group__name="Clinic manager", codename__endswith="hours"
        ).values_list("content_type__app_label", flat=True)
    ) == {"booking"}

    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


# The admin


@pytest.fixture
def owner(client):
    return login_staff(client, make_superuser())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/admin/booking/datedhours/", "/admin/ground/datedhours/"),
        ("/admin/booking/datedhours/add/", "/admin/ground/datedhours/add/"),
        ("/admin/booking/datedhours/7/change/", "/admin/ground/datedhours/7/change/"),
        ("/admin/booking/datedhours/?closed__exact=1", "/admin/ground/datedhours/?closed__exact=1"),
    ],
)
def test_a_bookmark_of_the_old_admin_address_opens_the_dated_hours_not_for_ever(owner, old, new):
    response = owner.get(old)

    assert response.status_code == 302  # not permanent: a browser must not keep it
    assert response["Location"] == new


@pytest.mark.django_db
def test_the_admin_lists_the_dated_hours_under_the_site(owner):
    page = owner.get(reverse("admin:app_list", args=["ground"])).content.decode()

    assert reverse("admin:ground_datedhours_changelist") in page
    assert reverse("admin:ground_datedhours_changelist") == "/admin/ground/datedhours/"


@pytest.mark.django_db
def test_the_clinic_manager_opens_the_dated_hours_and_the_front_desk_cannot(client):
    url = reverse("admin:ground_datedhours_add")

    refused = login_staff(client, make_front_desk_user()).get(url)
    shown = login_staff(client, manager()).get(url)

    assert refused.status_code == 403
    assert shown.status_code == 200
    assert 'name="days-6-weekday"' in shown.content.decode()  # a line for each weekday
