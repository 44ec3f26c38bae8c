import uuid

from django.db import migrations, models


def give_each_request_its_own(apps, schema_editor):
    """Existing rows: a random id each (a field default would give them all the same one)."""
    ConsultationRequest = apps.get_model("consultations", "ConsultationRequest")
    rows = ConsultationRequest.objects.filter(public_id__isnull=True).only("pk")
    for row in rows.iterator(chunk_size=2000):
        ConsultationRequest.objects.filter(pk=row.pk).update(public_id=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0010_staff_email_outbox"),
    ]

    operations = [
        migrations.AddField(
            model_name="consultationrequest",
            name="public_id",
            field=models.UUIDField(editable=False, null=True, verbose_name="public id"),
        ),
        migrations.RunPython(give_each_request_its_own, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="consultationrequest",
            name="public_id",
            field=models.UUIDField(
                default=uuid.uuid4, editable=False, unique=True, verbose_name="public id"
            ),
        ),
    ]
