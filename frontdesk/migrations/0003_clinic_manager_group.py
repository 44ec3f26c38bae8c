from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Clinic manager"
# View only: the report, and the requests its bars link to.
PERMISSIONS = [
    ("consultations", "consultationrequest", "view_consultationrequest"),
    ("frontdesk", "contactentry", "view_contactentry"),
    ("frontdesk", "contactentry", "view_requests_report"),
]


def create_clinic_manager_group(apps, schema_editor):
    # Permissions are normally created after all migrations; this group needs them now.
    for label in ("consultations", "frontdesk"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    for app_label, model, codename in PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(
                content_type__app_label=app_label,
                content_type__model=model,
                codename=codename,
            )
        )


def remove_clinic_manager_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("consultations", "0005_front_desk_follow_up"),
        ("frontdesk", "0002_report_permission"),
    ]

    operations = [migrations.RunPython(create_clinic_manager_group, remove_clinic_manager_group)]
