"""The contact history moves from the front desk's app into consultations (issue 27, item 1)
with its table, its rows and its content type: the groups keep the very permissions they had
(view and add contact entries, see the requests report), now under the consultations label."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [
    ("consultations", "0011_request_public_id"),
    ("frontdesk", "0005_note_in_reader_language"),
]
AFTER = [
    ("consultations", "0012_contact_history_moves_here"),
    ("frontdesk", "0006_contact_history_moves_to_consultations"),
]
CODENAMES = {"view_contactentry", "add_contactentry", "view_requests_report"}


@pytest.mark.django_db(transaction=True)
def test_the_groups_keep_their_permissions_and_the_history_its_rows():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    permissions = old.get_model("auth", "Permission").objects.filter(
        content_type__app_label="frontdesk", codename__in=CODENAMES
    )
    group = old.get_model("auth", "Group").objects.create(name="Moved desk")
    group.permissions.set(permissions)
    held = set(permissions.values_list("pk", flat=True))
    assert len(held) == 3
    consultation = old.get_model("consultations", "ConsultationRequest").objects.create(
        name="Patient", phone="+971500000001", whatsapp="+971500000001",
        consent_given_at=timezone.now(), fingerprint="x" * 64,
    )  # fmt: skip
    old.get_model("frontdesk", "ContactEntry").objects.create(
        request=consultation, channel="phone", outcome="no_answer",
        status_before="new", status_after="contacted", note="first call",
    )  # fmt: skip

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps

    group = new.get_model("auth", "Group").objects.get(name="Moved desk")
    kept = group.permissions.values_list("pk", "content_type__app_label", "codename")
    assert {pk for pk, _label, _codename in kept} == held
    assert {(label, codename) for _pk, label, codename in kept} == {
        ("consultations", codename) for codename in CODENAMES
    }
    entries = new.get_model("consultations", "ContactEntry").objects.values_list("request", "note")
    assert list(entries) == [(consultation.pk, "first call")]

    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
