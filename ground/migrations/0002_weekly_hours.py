"""The weekly hours as data, the clinic manager's in the admin (issue: the weekly hours were
hours.py's constants). 0003 records today's and gives the groups their permissions."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("ground", "0001_dated_hours_move_here")]

    operations = [
        migrations.CreateModel(
            name="WeeklyHours",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("weekday", models.PositiveSmallIntegerField(choices=[(0, "Monday"), (1, "Tuesday"), (2, "Wednesday"), (3, "Thursday"), (4, "Friday"), (5, "Saturday"), (6, "Sunday")], help_text="A day without hours is closed; a second line for a day splits it. Dated hours (holidays, Ramadan) replace these on their dates.", verbose_name="day")),
                ("opens", models.TimeField(verbose_name="opens")),
                ("closes", models.TimeField(verbose_name="closes")),
            ],
            options={
                "verbose_name": "weekly hours of a day",
                "verbose_name_plural": "weekly hours",
                "ordering": ["weekday", "opens"],
                "constraints": [models.CheckConstraint(condition=models.Q(("closes__gt", models.F("opens"))), name="ground_weekly_hours_order", violation_error_message="The clinic closes after it opens.")],
            },
        ),
    ]
