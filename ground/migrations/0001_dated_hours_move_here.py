"""The dated hours move here from booking (issue 27): ground takes them over in the migrations'
state, on the tables booking made (their names kept, `db_table`); a site without booking has
none, and gets them made here. Their content types move from booking to ground, so the groups'
permissions (the clinic manager's) name the same rows and carry over."""

import django.db.models.deletion
from django.apps import apps as installed
from django.db import migrations, models

MODELS = ("datedhours", "dayhours")


def make_tables_without_booking(apps, schema_editor):
    if not installed.is_installed("booking"):  # booking's 0001 made them where it is installed
        for name in ("DatedHours", "DayHours"):
            schema_editor.create_model(apps.get_model("ground", name))


def drop_tables_without_booking(apps, schema_editor):
    if not installed.is_installed("booking"):
        for name in ("DayHours", "DatedHours"):
            schema_editor.delete_model(apps.get_model("ground", name))


def move_content_types(old, new):
    def move(apps, schema_editor):
        from django.contrib.contenttypes.models import ContentType as Current

        if not installed.is_installed("booking"):
            return  # no dated hours were ever booking's
        content_types = apps.get_model("contenttypes", "ContentType").objects.using(
            schema_editor.connection.alias
        )
        for model in MODELS:
            # A site that once ran without booking may have the new row already: it stays, the
            # old one with it (two rows can't share a name).
            if not content_types.filter(app_label=new, model=model).exists():
                content_types.filter(app_label=old, model=model).update(app_label=new)
        Current.objects.clear_cache()  # this process may have read the old rows

    return move


class Migration(migrations.Migration):
    initial = True

    dependencies = [("contenttypes", "0002_remove_content_type_name")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="DatedHours",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(help_text="e.g. Ramadan 2027, Eid", max_length=100, verbose_name="name")),
                        ("starts_on", models.DateField(verbose_name="from")),
                        ("ends_on", models.DateField(verbose_name="to (included)")),
                        ("closed", models.BooleanField(default=False, help_text="Closed on every day of these dates.", verbose_name="closed")),
                    ],
                    options={
                        "verbose_name": "dated hours",
                        "verbose_name_plural": "dated hours (holidays, Ramadan)",
                        "db_table": "booking_datedhours",
                        "ordering": ["-starts_on"],
                        "constraints": [models.CheckConstraint(condition=models.Q(("ends_on__gte", models.F("starts_on"))), name="booking_dated_hours_order")],
                    },
                ),
                migrations.CreateModel(
                    name="DayHours",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("weekday", models.PositiveSmallIntegerField(choices=[(0, "Monday"), (1, "Tuesday"), (2, "Wednesday"), (3, "Thursday"), (4, "Friday"), (5, "Saturday"), (6, "Sunday")], verbose_name="day")),
                        ("opens", models.TimeField(verbose_name="opens")),
                        ("closes", models.TimeField(verbose_name="closes")),
                        ("plan", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="days", to="ground.datedhours")),
                    ],
                    options={
                        "verbose_name": "opening hours of a day",
                        "verbose_name_plural": "opening hours, day by day",
                        "db_table": "booking_dayhours",
                        "ordering": ["weekday", "opens"],
                        "constraints": [models.CheckConstraint(condition=models.Q(("closes__gt", models.F("opens"))), name="booking_day_hours_order")],
                    },
                ),
            ]
        ),
        migrations.RunPython(make_tables_without_booking, drop_tables_without_booking),
        migrations.RunPython(
            move_content_types("booking", "ground"), move_content_types("ground", "booking")
        ),
    ]
