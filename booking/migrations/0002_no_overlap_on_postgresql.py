"""On PostgreSQL, no two held or confirmed bookings of one seat overlap in time: an exclusion
constraint over the time range (GiST, with btree_gist for the seat's equality). It guards what
the unique (start, seat) of 0001 can't: times that overlap without starting together (a slot
length or buffer changed while bookings stand). SQLite has no exclusion constraints; there the
unique (start, seat) holds, inside SQLite's one-writer-at-a-time transactions."""

from django.db import migrations

CONSTRAINT = "booking_no_overlap_a_seat"
ADD = f"""
ALTER TABLE booking_booking ADD CONSTRAINT {CONSTRAINT}
EXCLUDE USING gist (tstzrange(starts_at, ends_at, '[)') WITH &&, seat WITH =)
WHERE (status IN ('held', 'confirmed'))
"""
DROP = f"ALTER TABLE booking_booking DROP CONSTRAINT IF EXISTS {CONSTRAINT}"


def add(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        # As BtreeGistExtension would, but that operation fails going backwards on SQLite (it
        # looks for pg_extension). Left in place going backwards: something else may use it.
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
        schema_editor.execute(ADD)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("booking", "0001_initial")]

    operations = [migrations.RunPython(add, drop)]
