"""The contact history (ContactEntry) moves from the front desk's app to this one: its table,
`frontdesk_contactentry`, stays as it is, and its content type moves with it, so the groups'
permissions on it (view and add contact entries, `view_requests_report`) are the same rows.

Where the front desk's migrations made the table (every database so far), they run first and
this one only takes the model over. A database without the front desk app (tests/
settings_without_frontdesk.py) never had the table: this migration makes it.
"""

import django.db.models.deletion
import django.utils.timezone
from django.apps import apps as installed
from django.conf import settings
from django.db import migrations, models

STATUSES = [
    ("new", "New"),
    ("contacted", "Contacted"),
    ("booked", "Booked"),
    ("not_interested", "Not interested"),
    ("spam", "Spam"),
    ("unreachable", "Unreachable"),
    ("attended", "Attended"),
    ("no_show", "No-show"),
]
CONTACT_ENTRY = migrations.CreateModel(
    name="ContactEntry",
    fields=[
        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
        ("created_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="when")),
        ("username", models.CharField(blank=True, max_length=150, verbose_name="staff member")),
        ("channel", models.CharField(choices=[("phone", "Phone"), ("whatsapp", "WhatsApp"), ("clinic", "At the clinic"), ("admin", "Admin"), ("website", "Website")], max_length=10, verbose_name="channel")),
        ("outcome", models.CharField(choices=[("no_answer", "Called, no answer"), ("voicemail", "Voicemail"), ("whatsapp_sent", "WhatsApp sent"), ("whatsapp_replied", "WhatsApp replied"), ("wrong_number", "Wrong number"), ("call_back_later", "Call back later"), ("booked", "Booked"), ("not_interested", "Not interested"), ("attended", "Attended"), ("no_show", "No-show"), ("status_changed", "Status changed"), ("appointment", "Consultation time")], max_length=20, verbose_name="outcome")),
        ("status_before", models.CharField(choices=STATUSES, max_length=20, verbose_name="status before")),
        ("status_after", models.CharField(choices=STATUSES, max_length=20, verbose_name="status after")),
        ("note", models.TextField(blank=True, max_length=1000, verbose_name="note")),
        ("note_event", models.JSONField(blank=True, default=dict, editable=False)),
        ("request", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="contact_entries", to="consultations.consultationrequest", verbose_name="request")),
        ("user", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL, verbose_name="staff member")),
    ],
    options={
        "verbose_name": "contact history entry",
        "verbose_name_plural": "contact history",
        "db_table": "frontdesk_contactentry",
        "ordering": ["-created_at", "-pk"],
        "indexes": [models.Index(fields=["request", "-created_at"], name="frontdesk_entry_request")],
        "permissions": [("view_requests_report", "Can see the requests report")],
    },
)  # fmt: skip


class CreateTableUnlessThere(migrations.CreateModel):
    """The model in this app's state; its table made only where the front desk's migrations did
    not make it."""

    def __init__(self, operation):
        super().__init__(operation.name, operation.fields, operation.options)

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if "frontdesk_contactentry" not in schema_editor.connection.introspection.table_names():
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if not installed.is_installed("frontdesk"):
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def move_content_type(apps, schema_editor, old="frontdesk", new="consultations"):
    """The content type's row changes app: its permissions, and the groups holding them, stay."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label=new, model="contactentry").exists():
        ContentType.objects.filter(app_label=old, model="contactentry").update(app_label=new)


def move_content_type_back(apps, schema_editor):
    move_content_type(apps, schema_editor, old="consultations", new="frontdesk")


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("consultations", "0011_request_public_id"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        # The front desk's migrations, where it is installed, made the table first.
        *([("frontdesk", "0005_note_in_reader_language")] if installed.is_installed("frontdesk") else []),
    ]  # fmt: skip

    operations = [
        CreateTableUnlessThere(CONTACT_ENTRY),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
