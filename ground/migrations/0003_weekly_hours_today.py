"""Today's weekly hours recorded (Monday to Saturday, 10:00 to 22:00, as hours.py's constants
said), and the weekly hours given to whoever may edit the dated hours: each group gets the same
view, add, change and delete on them as it has on the dated hours (the Clinic manager, booking's
0003_groups.py, carried to ground by 0001)."""

from datetime import time

from django.contrib.auth.management import create_permissions
from django.db import migrations

ACTIONS = ("view", "add", "change", "delete")


def record_today(apps, schema_editor):
    WeeklyHours = apps.get_model("ground", "WeeklyHours")
    if not WeeklyHours.objects.exists():
        WeeklyHours.objects.bulk_create(
            WeeklyHours(weekday=weekday, opens=time(10), closes=time(22)) for weekday in range(6)
        )


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    app_config = apps.get_app_config("ground")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for action in ACTIONS:
        weekly = Permission.objects.get(
            content_type__app_label="ground", codename=f"{action}_weeklyhours"
        )
        for group in Group.objects.filter(permissions__codename=f"{action}_datedhours"):
            group.permissions.add(weekly)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    weekly = Permission.objects.filter(
        content_type__app_label="ground", codename__endswith="_weeklyhours"
    )
    for group in Group.objects.filter(permissions__in=weekly).distinct():
        group.permissions.remove(*weekly)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("ground", "0002_weekly_hours"),
    ]

    operations = [
        migrations.RunPython(record_today, migrations.RunPython.noop),
        migrations.RunPython(grant, revoke),
    ]
