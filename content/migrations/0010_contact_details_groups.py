"""The contact details for the same two groups as the rest of the content (0003_groups.py): the
Editor changes and submits them; the Clinic manager also approves, publishes and reverts. Neither
adds or deletes: there is one record, made when first asked for (contact.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = {
    "Editor": ("view", "change"),
    "Clinic manager": ("view", "change", "publish"),
}


def codenames(actions):
    return [f"{action}_contactdetails" for action in actions]


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
                content_type__app_label="content", codename__in=codenames(actions)
            )
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ours = Permission.objects.filter(
        content_type__app_label="content", codename__in=codenames(GROUPS["Clinic manager"])
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*ours)


class Migration(migrations.Migration):
    dependencies = [("content", "0009_contact_details")]

    operations = [migrations.RunPython(grant, revoke)]
