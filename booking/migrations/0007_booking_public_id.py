import uuid

from django.db import migrations, models


def give_each_booking_its_own(apps, schema_editor):
    """Existing rows: a random id each (a field default would give them all the same one)."""
    Booking = apps.get_model("booking", "Booking")
    for row in Booking.objects.filter(public_id__isnull=True).only("pk").iterator(chunk_size=2000):
        Booking.objects.filter(pk=row.pk).update(public_id=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [
        ("booking", "0006_calendar_sequence"),
    ]

    operations = [
        migrations.AddField(
            model_name="booking",
            name="public_id",
            field=models.UUIDField(editable=False, null=True, verbose_name="public id"),
        ),
        migrations.RunPython(give_each_booking_its_own, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="booking",
            name="public_id",
            field=models.UUIDField(
                default=uuid.uuid4, editable=False, unique=True, verbose_name="public id"
            ),
        ),
    ]
