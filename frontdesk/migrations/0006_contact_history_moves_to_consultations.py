"""The contact history is the consultations app's now (consultations' migration 0012 takes the
model over, its table and content type as they are): gone from this app's state only."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("frontdesk", "0005_note_in_reader_language"),
        ("consultations", "0012_contact_history_moves_here"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ContactEntry")],
        ),
    ]
