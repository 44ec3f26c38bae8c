"""The database the bench/*_at_scale.py scripts measure: requests as a clinic's front desk has them.

Every script fills, or with --reuse keeps, the same database (ecla_bench), so that one fill of a
million rows serves them all:

- requests spread over the two years before the fill, oldest first; one in ten from a number
  that asked before (duplicate_of), names and numbers in the UAE's mix, a third from a campaign;
- each request's history as the front desk logs it (consultations/lifecycle.py): a first attempt,
  then for the patients reached the outcome that set their status and an owner among four
  front-desk staff, attended or no-show a week after booking, three unanswered attempts before
  "unreachable", spam marked in the admin; the clocks, best time to call and call-or-WhatsApp;
- a few follow-ups pending around today, from two days overdue to two days ahead (the next
  attempt clears a call-back, so one contacted request in 500 has one).

The rows are made by bench/scale_rows.py. PostgreSQL is filled with COPY, SQLite with
executemany, then analyzed. Without --reuse the database is dropped and created again, so its
name must contain "bench".
"""

import argparse
import os
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urlsplit

from scale_rows import generate

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/ecla_bench"
REQUESTS = "consultations_consultationrequest"
ENTRIES = "frontdesk_contactentry"
SUPERUSER = "bench-admin"
FRONT_DESK = ("desk-amal", "desk-rana", "desk-joseph", "desk-priya")

REQUEST_COLUMNS = (
    "id", "name", "phone", "whatsapp", "message", "consent_given_at", "status", "staff_notes",
    "duplicate_of_id", "source_path", "utm_source", "utm_medium", "utm_campaign",
    "fingerprint", "created_at", "updated_at", "language", "best_time", "prefers",
    "call_back_on", "owner_id", "minutes_to_first_attempt", "minutes_to_first_reach",
    "repeat_within_hour",
)  # fmt: skip
ENTRY_COLUMNS = (
    "request_id", "created_at", "user_id", "username", "channel", "outcome", "status_before",
    "status_after", "note",
)  # fmt: skip


# The command line and the database


def arguments(doc, reps=None):
    """The options every script takes; its docstring's first line describes it."""
    parser = argparse.ArgumentParser(description=doc.split("\n", 1)[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="requests to fill")
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--reuse", action="store_true", help="keep the rows already there")
    if reps:
        parser.add_argument("--reps", type=int, default=reps, help="timed requests per page")
    parser.add_argument(
        "--accept-encoding",
        default="gzip, deflate, br",
        help="sent with every request, as a browser does ('' for none)",
    )
    return parser


@contextmanager
def bench_database(args):
    """Django set up on the bench database, filled unless --reuse found rows; yields its facts."""
    static_root = Path(tempfile.mkdtemp(prefix="ecla-bench-static-"))
    try:
        configure_environment(args.database_url, static_root, args.accept_encoding)
        create_database(args.database_url, drop=not args.reuse)
        setup_django()
        from django.core.management import call_command
        from django.db import connection

        from consultations.models import ConsultationRequest

        started = time.perf_counter()
        call_command("migrate", verbosity=0, interactive=False)
        call_command("collectstatic", verbosity=0, interactive=False)
        print(f"migrate and collectstatic: {time.perf_counter() - started:.1f} s", flush=True)
        staff = create_users()
        facts = {"database": connection.vendor, "database_version": database_version()}
        existing = ConsultationRequest.objects.count()
        if args.reuse and existing:
            print(f"Reusing the {existing:,} requests already there.")
        else:
            print(f"Filling {args.rows:,} requests ({connection.vendor}):", flush=True)
            facts.update(fill(args.rows, staff))
        facts["rows"] = ConsultationRequest.objects.count()
        yield facts
    finally:
        shutil.rmtree(static_root, ignore_errors=True)


def configure_environment(database_url, static_root, accept_encoding):
    os.environ["DJANGO_SETTINGS_MODULE"] = "clinic_site.settings"
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_DEBUG"] = "false"
    os.environ["DJANGO_HTTPS"] = "false"
    os.environ["DJANGO_STATIC_ROOT"] = str(static_root)
    os.environ["BENCH_ACCEPT_ENCODING"] = accept_encoding
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-" + "x" * 60)
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
    os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/14")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    if str(PROJECT_DIR) not in sys.path:
        sys.path.insert(0, str(PROJECT_DIR))


def create_database(database_url, drop):
    """Creates the database when missing; with drop, empties it first by dropping it."""
    url = urlsplit(database_url)
    if url.scheme.startswith("postgres"):
        import psycopg
        from psycopg import sql

        name = url.path.lstrip("/")
        if drop and "bench" not in name:
            sys.exit(f"Refusing to drop database {name!r}: use one whose name contains 'bench'.")
        server = {"host": url.hostname or "127.0.0.1", "port": url.port or 5432}
        user = {"user": url.username or "postgres", "password": url.password}
        with psycopg.connect(**server, **user, dbname="postgres", autocommit=True) as conn:
            if drop:
                drop_it = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
                conn.execute(drop_it.format(sql.Identifier(name)))
            found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if not found:
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    elif url.scheme == "sqlite":
        path = Path(url.path)
        if drop and path.resolve() == (PROJECT_DIR / "db.sqlite3").resolve():
            sys.exit("Refusing to delete the project's own db.sqlite3: give another file.")
        for suffix in ("", "-wal", "-shm") if drop else ():
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    else:
        sys.exit(f"Unsupported database URL: {database_url}")


def setup_django():
    import django

    django.setup()


def database_version():
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
        else:
            cursor.execute("SELECT sqlite_version()")
        return cursor.fetchone()[0]


def create_users():
    """The superuser the scripts sign in as, and the front desk: [(id, username)]."""
    from django.contrib.auth import get_user_model

    User = get_user_model()
    admin, _ = User.objects.get_or_create(username=SUPERUSER, defaults={"is_staff": True})
    admin.is_staff = admin.is_superuser = True
    admin.set_password("bench-password-" + "x" * 20)
    admin.save()
    staff = [User.objects.get_or_create(username=name, is_staff=True)[0] for name in FRONT_DESK]
    return [(user.pk, user.username) for user in staff]


def fill(count, staff, batch=100_000):
    """Writes the requests and their histories; returns the seconds taken and the entries."""
    from django.db import connection

    from ground.hours import clinic_today

    now = datetime.now(UTC).replace(microsecond=0)
    rows = generate(count, now, clinic_today(), staff)
    started = time.perf_counter()
    done = entries = 0
    with connection.cursor() as cursor:
        while done < count:
            chunk = [next(rows) for _ in range(min(batch, count - done))]
            history = [entry for _, chunk_entries in chunk for entry in chunk_entries]
            write(cursor, REQUESTS, REQUEST_COLUMNS, [row for row, _ in chunk])
            write(cursor, ENTRIES, ENTRY_COLUMNS, history)
            done += len(chunk)
            entries += len(history)
            elapsed = time.perf_counter() - started
            print(f"  {done:>10,} / {count:,} requests  {elapsed:6.1f} s", flush=True)
        if connection.vendor == "postgresql":
            sequence = f"pg_get_serial_sequence('{REQUESTS}', 'id')"
            cursor.execute(f"SELECT setval({sequence}, %s)", [count])
    fill_seconds = time.perf_counter() - started
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    analyze_seconds = time.perf_counter() - started
    print(
        f"Filled {count:,} requests and {entries:,} history entries in {fill_seconds:.1f} s "
        f"({count / fill_seconds:,.0f} requests/s); analyzed in {analyze_seconds:.1f} s",
        flush=True,
    )
    return {"fill_seconds": fill_seconds, "analyze_seconds": analyze_seconds, "entries": entries}


def write(cursor, table, columns, rows):
    from django.db import connection, transaction

    names = ", ".join(columns)
    if connection.vendor == "postgresql":
        with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    insert = f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(columns))})"  # noqa: S608
    with transaction.atomic():
        cursor.executemany(insert, [sqlite_row(row) for row in rows])


def sqlite_row(row):
    return tuple(sqlite_value(value) for value in row)


def sqlite_value(value):
    if isinstance(value, datetime):  # Django keeps aware datetimes as naive UTC text
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    return value
