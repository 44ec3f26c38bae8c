from django.db import migrations

# The admin's name search is UPPER(name) LIKE '%…%', which no B-tree index can answer: with a
# million requests it read the whole table (~500 ms). A trigram index answers it on PostgreSQL.
# SQLite has no such index; a clinic's SQLite database is small enough to scan.
CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS consult_name_trgm ON consultations_consultationrequest "
    "USING gin (UPPER(name) gin_trgm_ops)",
]
DROP = ["DROP INDEX IF EXISTS consult_name_trgm"]


def run_on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("consultations", "0002_front_desk_group")]

    operations = [migrations.RunPython(run_on_postgresql(CREATE), run_on_postgresql(DROP))]
