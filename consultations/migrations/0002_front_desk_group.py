from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Front desk"
CODENAMES = ["view_consultationrequest", "change_consultationrequest"]


def create_front_desk_group(apps, schema_editor):
    # Permissions are normally created after all migrations; this group needs them now.
    app_config = apps.get_app_config("consultations")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.set(
        Permission.objects.filter(
            content_type__app_label="consultations",
            content_type__model="consultationrequest",
            codename__in=CODENAMES,
        )
    )


def remove_front_desk_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("consultations", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_front_desk_group, remove_front_desk_group)]
