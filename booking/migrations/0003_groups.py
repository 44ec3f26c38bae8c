from django.contrib.auth.management import create_permissions
from django.db import migrations

# The front desk sees and works on consultation times; the clinic manager also sets the hours
# and the booking settings (superusers can do everything anyway).
GROUPS = {
    "Front desk": [("booking", "view_booking"), ("booking", "change_booking")],
    "Clinic manager": [
        ("booking", "view_booking"),
        ("clinicsettings", "view_clinicsettings"),
        ("clinicsettings", "change_clinicsettings"),
        *(
            (model, f"{action}_{model}")
            for model in ("datedhours", "dayhours")
            for action in ("view", "add", "change", "delete")
        ),
    ],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("booking")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permissions in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for model, codename in permissions:
            group.permissions.add(
                Permission.objects.get(
                    content_type__app_label="booking", content_type__model=model, codename=codename
                )
            )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="booking"))


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("consultations", "0002_front_desk_group"),
        ("frontdesk", "0003_clinic_manager_group"),
        ("booking", "0002_no_overlap_on_postgresql"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
