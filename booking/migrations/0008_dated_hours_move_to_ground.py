"""The dated hours move to ground (ground/models.py, issue 27): booking lets go of them in the
migrations' state only; their tables stay where they are, under booking's names, and ground's
0001 takes them over."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("booking", "0007_booking_public_id")]
    # ground, below booking, can't depend on it (a site without booking migrates too): booking
    # says it comes first instead, so ground finds the tables booking made.
    run_before = [("ground", "0001_dated_hours_move_here")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="DayHours"),
                migrations.DeleteModel(name="DatedHours"),
            ]
        )
    ]
