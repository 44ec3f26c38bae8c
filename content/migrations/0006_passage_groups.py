"""The passages for the staff who edit the site's words, as content/migrations/0003_groups.py gave
them the FAQ and the notices: the Editor views, adds and changes drafts and submits them; the
Clinic manager also approves, publishes, reverts and deletes."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = {
    "Editor": ("view", "add", "change"),
    "Clinic manager": ("view", "add", "change", "delete", "publish"),
}


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; these groups need them now.
    app_config = apps.get_app_config("content")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, actions in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="content",
                codename__in=[f"{action}_passage" for action in actions],
            )
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    passages = Permission.objects.filter(
        content_type__app_label="content", codename__endswith="_passage"
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*passages)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("content", "0005_passages_from_the_code"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
