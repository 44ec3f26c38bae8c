"""The Clinic manager no longer holds `delete_passage` (0006_passage_groups.py gave it): the admin
has no Delete for a passage (pages/admin.py: a template names each one), so the permission only
let someone with the group delete one another way. Least privilege: what it can't do, it doesn't
hold."""

from django.db import migrations


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    delete = Permission.objects.filter(content_type__app_label="content", codename="delete_passage")
    for group in Group.objects.filter(name="Clinic manager"):
        group.permissions.remove(*delete)


def grant_again(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    delete = Permission.objects.filter(content_type__app_label="content", codename="delete_passage")
    for group in Group.objects.filter(name="Clinic manager"):
        group.permissions.add(*delete)


class Migration(migrations.Migration):
    dependencies = [("content", "0010_contact_details_groups")]

    operations = [migrations.RunPython(revoke, grant_again)]
