"""The front-desk admin with a million consultation requests: how fast, how much memory.

Fills the table with realistic requests (PostgreSQL: COPY; SQLite: executemany), then times
through Django's real admin, in process, as a logged-in superuser (django.test.Client, sending
Accept-Encoding like a browser):

  1. the list, unfiltered (first page)       4. a search by number typed locally (050 123 4567)
  2. the list filtered by status "new"       5. a search by name (reported, not a goal)
  3. the list filtered to the past 7 days    6. the change page of one request

each N times after one warm-up (median and p90 in ms), with the SQL queries of the list and the
EXPLAIN ANALYZE of the list's and the number search's main queries and of the list's slowest.
Then the CSV export of all rows and of about a tenth of them, consumed chunk by chunk, each run
in a fresh process: wall time, rows/s, bytes, then tracemalloc peak (a second run, as tracing
makes it ~4x slower) and ru_maxrss, to show that the export's memory stays flat.

Goals (from the issue): the list and a number search each answer in under 300 ms on PostgreSQL;
the export's peak memory for all rows is within 1.5x of that for a tenth of them.

Run from the project folder (the database is dropped and created again; ~8 minutes on 2 cores):

    .venv/bin/python bench/admin_at_scale.py                      # 1,000,000 rows, PostgreSQL
    .venv/bin/python bench/admin_at_scale.py --rows 50000 --database-url sqlite:////tmp/x.sqlite3
    .venv/bin/python bench/admin_at_scale.py --reuse              # keep the rows already there

Figures are printed, and written to bench/results/admin_at_scale.json.
"""

import argparse
import gzip
import hashlib
import json
import math
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zlib
from array import array
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode, urlsplit

PROJECT_DIR = Path(__file__).resolve().parent.parent
RESULTS_DIR = PROJECT_DIR / "bench" / "results"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/ecla_bench"
TABLE = "consultations_consultationrequest"
GOAL_MS = 300
MEMORY_RATIO_GOAL = 1.5
SUPERUSER = "bench-admin"
HOST = "localhost"

FIRST_NAMES = [
    "Ahmed", "Mohammed", "Omar", "Khalid", "Saeed", "Rashid", "Hamdan", "Yousef", "Ali",
    "Hassan", "Faisal", "Tariq", "Rahul", "Arjun", "Vikram", "Imran", "Bilal", "Daniel",
    "James", "Oliver", "Luca", "Ivan", "Sergey", "Wei", "Fatima", "Mariam", "Aisha", "Noura",
    "Layla", "Hessa", "Priya", "Ananya", "Sara", "Emma", "Sophie", "Olga", "Mei", "Zainab",
    "Hind", "Reem", "محمد", "أحمد", "فاطمة", "مريم",
]  # fmt: skip
LAST_NAMES = [
    "Al Mansoori", "Al Nuaimi", "Al Falasi", "Al Mazrouei", "Al Ketbi", "Al Shamsi",
    "Al Hashimi", "Al Suwaidi", "Al Marri", "Al Zaabi", "Haddad", "Khoury", "Nasser", "Saleh",
    "Khan", "Sheikh", "Qureshi", "Sharma", "Patel", "Nair", "Menon", "Iyer", "Smith", "Jones",
    "Taylor", "Brown", "Wilson", "Rossi", "Müller", "Ivanova", "Petrov", "Chen", "Wang",
    "Fernandes", "D'Souza", "Santos", "Reyes", "العلي", "الحمادي", "الكعبي",
]  # fmt: skip
PAGES = [
    "/", "/hair-loss/", "/exosome-therapy/", "/treatments-compared/", "/procedure/",
    "/cost-and-safety/", "/faq/", "/contact/", "/privacy/", "/consultation/",
]  # fmt: skip
PAGE_WEIGHTS = [30, 12, 20, 8, 6, 8, 6, 4, 1, 5]
CAMPAIGNS = [
    ("google", "cpc", "exosome-dubai"),
    ("google", "cpc", "hair-loss-treatment"),
    ("instagram", "social", "before-after"),
    ("facebook", "social", "free-consultation"),
    ("tiktok", "social", "hair-tips"),
    ("newsletter", "email", "monthly"),
    ("snapchat", "social", "ramadan"),
]
MESSAGES = [
    "Is exosome therapy painful?",
    "How many sessions would I need?",
    "My hair is thinning at the crown, what do you suggest?",
    "Can I come on a Saturday evening?",
    "What does a session cost?",
    "I had a transplant 3 years ago. Can I still do this?",
    "Please call me after 6pm.",
    "هل العلاج مناسب للنساء؟",
    "Do you treat alopecia areata?",
]
STAFF_NOTES = [
    "Called, no answer. Try again tomorrow.",
    "Booked for Tuesday 6pm with Dr. Rana.",
    "Sent the price list on WhatsApp.",
    "Lives in Abu Dhabi, will come on a weekend.",
    "Not interested: chose a transplant abroad.",
]
# Share of requests per status, after the 1% "new" and 3% "spam".
STATUS_SHARES = [("new", 0.01), ("spam", 0.03), ("contacted", 0.45), ("booked", 0.20)]
COLUMNS = (
    "id", "name", "phone", "whatsapp", "message", "consent_given_at", "status", "staff_notes",
    "duplicate_of_id", "source_path", "utm_source", "utm_medium", "utm_campaign",
    "fingerprint", "created_at", "updated_at", "language",
)  # fmt: skip


# Settings and database


def configure_environment(database_url, static_root):
    os.environ["DJANGO_SETTINGS_MODULE"] = "clinic_site.settings"
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_DEBUG"] = "false"
    os.environ["DJANGO_HTTPS"] = "false"
    os.environ["DJANGO_STATIC_ROOT"] = str(static_root)
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-" + "x" * 60)
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
    os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/14")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    if str(PROJECT_DIR) not in sys.path:
        sys.path.insert(0, str(PROJECT_DIR))


def recreate_database(database_url):
    url = urlsplit(database_url)
    if url.scheme.startswith("postgres"):
        import psycopg
        from psycopg import sql

        name = url.path.lstrip("/")
        if "bench" not in name:
            sys.exit(f"Refusing to drop database {name!r}: use one whose name contains 'bench'.")
        with psycopg.connect(
            host=url.hostname or "127.0.0.1",
            port=url.port or 5432,
            user=url.username or "postgres",
            password=url.password,
            dbname="postgres",
            autocommit=True,
        ) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    elif url.scheme == "sqlite":
        path = Path(url.path)
        if path.resolve() == (PROJECT_DIR / "db.sqlite3").resolve():
            sys.exit("Refusing to delete the project's own db.sqlite3: give another file.")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    else:
        sys.exit(f"Unsupported database URL: {database_url}")


def setup_django():
    import django

    django.setup()


# Data


def mobile_number(key, prefixes=("50", "55")):
    """A distinct, valid UAE mobile number (E.164) for each key below 20 million."""
    prefix = prefixes[key % 2]
    subscriber = (key // 2 * 7_654_321 + 1_234_567) % 10_000_000
    return f"+971{prefix}{subscriber:07d}"


def whatsapp_number(origin):
    if origin * 2_654_435_761 % 100 < 15:  # 15% give another number for WhatsApp
        return mobile_number(origin, prefixes=("56", "52"))
    return mobile_number(origin)


def patient_name(origin):
    first = FIRST_NAMES[origin * 31 % len(FIRST_NAMES)]
    last = LAST_NAMES[origin * 17 // 7 % len(LAST_NAMES)]
    return f"{first} {last}"


def pick_status(rng):
    draw = rng.random()
    for status, share in STATUS_SHARES:
        if draw < share:
            return status
        draw -= share
    return "not_interested"


def generate_rows(count, now, seed=20261123):
    """Rows of the table, oldest first, spread over the two years before now."""
    rng = random.Random(seed)
    span = timedelta(days=730).total_seconds()
    start = now - timedelta(days=730)
    origins = array("l", bytes(8 * (count + 1)))  # 0: a first request from this number
    for row_id in range(1, count + 1):
        duplicate_of = None
        origin = row_id
        if row_id > 100 and rng.random() < 0.10:
            earlier = row_id - rng.randint(1, min(row_id - 1, 50_000))
            origin = origins[earlier] or earlier
            origins[row_id] = origin
            duplicate_of = origin
        created_at = start + timedelta(seconds=(row_id - 1 + rng.random()) / count * span)
        campaign = rng.choice(CAMPAIGNS) if rng.random() < 0.35 else ("", "", "")
        status = pick_status(rng)
        yield (
            row_id,
            patient_name(origin),
            mobile_number(origin),
            whatsapp_number(origin),
            rng.choice(MESSAGES) if rng.random() < 0.4 else "",
            created_at - timedelta(seconds=rng.randint(20, 600)),
            status,
            rng.choice(STAFF_NOTES) if status not in {"new", "spam"} else "",
            duplicate_of,
            rng.choices(PAGES, PAGE_WEIGHTS)[0],
            *campaign,
            hashlib.sha256(b"%d" % row_id).hexdigest(),
            created_at,
            created_at + timedelta(hours=rng.randint(0, 72)),
            "ar" if origin % 4 == 0 else "en",
        )


def fill_table(count, batch=100_000):
    from django.db import connection, transaction
    from django.utils import timezone

    now = timezone.now().replace(microsecond=0)
    rows = generate_rows(count, now)
    columns = ", ".join(COLUMNS)
    started = time.perf_counter()
    done = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            raw = cursor.cursor
            while done < count:
                size = min(batch, count - done)
                with raw.copy(f"COPY {TABLE} ({columns}) FROM STDIN") as copy:
                    for _ in range(size):
                        copy.write_row(next(rows))
                done += size
                progress(done, count, started)
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{TABLE}', 'id'), %s)", [count])
        else:
            insert = (
                f"INSERT INTO {TABLE} ({columns}) "  # noqa: S608
                f"VALUES ({', '.join(['%s'] * len(COLUMNS))})"
            )
            while done < count:
                size = min(batch, count - done)
                chunk = [sqlite_row(next(rows)) for _ in range(size)]
                with transaction.atomic():
                    cursor.executemany(insert, chunk)
                done += size
                progress(done, count, started)
    fill_seconds = time.perf_counter() - started
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return fill_seconds, time.perf_counter() - started


def sqlite_row(row):
    # Django keeps aware datetimes in SQLite as naive UTC text.
    return tuple(
        value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
        if isinstance(value, datetime)
        else value
        for value in row
    )


def progress(done, count, started):
    elapsed = time.perf_counter() - started
    print(f"  {done:>10,} / {count:,} rows  {elapsed:6.1f} s", flush=True)


# Timing the admin


def logged_in_client():
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = get_user_model().objects.get(username=SUPERUSER)
    client = Client(HTTP_HOST=HOST, HTTP_ACCEPT_ENCODING=os.environ["BENCH_ACCEPT_ENCODING"])
    client.force_login(user)
    # The admin opens only after the second factor: verify the session with an app of its own.
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def create_superuser():
    from django.contrib.auth import get_user_model

    User = get_user_model()
    User.objects.filter(username=SUPERUSER).delete()
    User.objects.create_superuser(SUPERUSER, "bench@localhost", "bench-password-" + "x" * 20)


def local_number(e164):
    """+971501234567 as the front desk types it: 050 123 4567."""
    national = "0" + e164.removeprefix("+971")
    return f"{national[:3]} {national[3:6]} {national[6:]}"


def local_midnight():
    """The start of today in the site's time zone, as the admin's date filter computes it."""
    from django.utils import timezone

    return timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)


def scenarios():
    from django.urls import reverse

    from consultations.models import ConsultationRequest

    changelist = reverse("admin:consultations_consultationrequest_changelist")
    count = ConsultationRequest.objects.count()
    sample = ConsultationRequest.objects.filter(duplicate_of=None).order_by("pk")[count // 2]
    today = local_midnight()
    week = {  # as the admin's "Past 7 days" link has them
        "created_at__gte": str(today - timedelta(days=7)),
        "created_at__lt": str(today + timedelta(days=1)),
    }
    typed = local_number(str(sample.phone))
    return sample, [
        ("list", "list, unfiltered (page 1)", changelist, True),
        ("list_new", "list, status = new", f"{changelist}?status__exact=new", True),
        ("list_week", "list, past 7 days", f"{changelist}?{urlencode(week)}", True),
        (
            "search_number",
            f"search number {typed!r}",
            f"{changelist}?{urlencode({'q': typed})}",
            True,
        ),
        (
            "search_name",
            f"search name {sample.name!r}",
            f"{changelist}?{urlencode({'q': sample.name})}",
            False,
        ),
        (
            "change",
            f"change page #{sample.pk}",
            reverse("admin:consultations_consultationrequest_change", args=[sample.pk]),
            False,
        ),
    ]


def percentile(values, fraction):
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def time_page(client, url, reps):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:  # the warm-up
        response = client.get(url)
    # Read now: the next request empties the connection's query log.
    queries = [{"ms": float(query["time"]) * 1000, "sql": query["sql"]} for query in captured]
    assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(reps):
        started = time.perf_counter()
        response = client.get(url)
        response.content  # noqa: B018 (rendered already; read it as a browser would)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return times, queries, response


def explain_kind():
    from django.db import connection

    return "EXPLAIN ANALYZE" if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN"


def explain(sql):
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
            return [line for (line,) in cursor.fetchall()]
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        return [row[-1] for row in cursor.fetchall()]


def main_query(queries):
    """The query of the rows shown: the one that reads every column, not a count or lookup."""
    for query in queries:
        sql = query["sql"]
        if f'"{TABLE}"."fingerprint"' in sql and "COUNT(" not in sql.upper():
            return sql
    return max(queries, key=lambda query: query["ms"])["sql"]


def time_admin(reps):
    client = logged_in_client()
    sample, pages = scenarios()
    results = {}
    for key, label, url, is_goal in pages:
        times, queries, response = time_page(client, url, reps)
        slowest = max(queries, key=lambda query: query["ms"])
        results[key] = {
            "label": label,
            "url": url,
            "goal_ms": GOAL_MS if is_goal else None,
            "median_ms": statistics.median(times),
            "p90_ms": percentile(times, 0.9),
            "min_ms": min(times),
            "times_ms": times,
            "queries": len(queries),
            "sql_ms": sum(query["ms"] for query in queries),
            "slowest_query": slowest,
            "all_queries": queries,
        }
        print(
            f"  {label:<44} median {results[key]['median_ms']:7.1f} ms  "
            f"p90 {results[key]['p90_ms']:7.1f} ms  {len(queries):2d} queries  "
            f"(slowest {slowest['ms']:.1f} ms)",
            flush=True,
        )
        if key == "search_number":
            content = body(response).decode()
            found = f'href="tel:{sample.phone}"' in content
            results[key]["found_the_request"] = found
            if not found:
                print("  !! the number search did not find the request", flush=True)
    for key in ("list", "search_number"):
        sql = main_query(results[key]["all_queries"])
        results[key]["main_query"] = sql
        results[key]["explain"] = explain(sql)
    results["list"]["slowest_query_explain"] = explain(results["list"]["slowest_query"]["sql"])
    for result in results.values():
        if result["goal_ms"] and result["median_ms"] >= result["goal_ms"]:
            result["slowest_query_explain"] = explain(result["slowest_query"]["sql"])
    return results


# The CSV export, each run in a fresh process so that ru_maxrss is its own


def max_rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def body(response):
    if response.get("Content-Encoding") == "gzip":
        return gzip.decompress(response.content)
    return response.content


def export_child(query, trace):
    """Runs in the subprocess: the export through the admin, consumed chunk by chunk."""
    setup_django()
    from django.urls import reverse

    client = logged_in_client()
    url = reverse("admin:consultations_consultationrequest_export")
    if query:
        url = f"{url}?{query}"
    rss_before = max_rss_mib()
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    assert response.streaming, "the export is expected to stream"
    encoding = response.get("Content-Encoding", "")
    assert encoding in {"", "gzip"}, encoding
    gunzip = zlib.decompressobj(wbits=31) if encoding else None
    lines = transferred = size = 0
    first_row_seconds = None
    for chunk in response.streaming_content:
        transferred += len(chunk)
        data = gunzip.decompress(chunk) if gunzip else chunk
        size += len(data)
        lines += data.count(b"\n")  # the generated rows have no line break inside a field
        if first_row_seconds is None and lines >= 2:  # the header, then the first row
            first_row_seconds = time.perf_counter() - started
    response.close()
    seconds = time.perf_counter() - started
    traced_peak = tracemalloc.get_traced_memory()[1] if trace else None
    tracemalloc.stop()
    print(
        json.dumps(
            {
                "rows": lines - 1,
                "bytes": size,
                "transferred_bytes": transferred,
                "content_encoding": encoding,
                "seconds": seconds,
                "first_row_seconds": first_row_seconds,
                "rss_before_mib": rss_before,
                "max_rss_mib": max_rss_mib(),
                "tracemalloc_peak_mib": traced_peak / 2**20 if trace else None,
            }
        )
    )


class Launcher:
    """Starts the export subprocesses from a small Python started before Django is imported.

    Linux carries a process's peak RSS over exec: a subprocess started from this process, large
    by then, would report this process's ru_maxrss instead of its own.
    """

    CODE = """
import json, subprocess, sys
for line in sys.stdin:
    job = json.loads(line)
    try:
        done = subprocess.run(job["args"], cwd=job["cwd"], env=job["env"], capture_output=True,
                              text=True, timeout=job["timeout"])
        result = {"code": done.returncode, "out": done.stdout, "err": done.stderr}
    except subprocess.TimeoutExpired:
        result = {"code": -1, "out": "", "err": "timed out after %s s" % job["timeout"]}
    print(json.dumps(result), flush=True)
"""

    def __init__(self):
        self.process = subprocess.Popen(
            [sys.executable, "-c", self.CODE],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def submit(self, args, timeout=900):
        job = {"args": args, "cwd": str(PROJECT_DIR), "env": dict(os.environ), "timeout": timeout}
        self.process.stdin.write(json.dumps(job) + "\n")
        self.process.stdin.flush()

    def result(self):
        return json.loads(self.process.stdout.readline())

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


def export_command(query, trace):
    return [sys.executable, __file__, "--export-child", query, *(["--trace"] if trace else [])]


def export_result(launcher):
    completed = launcher.result()
    if completed["code"]:
        sys.exit(f"The export subprocess failed:\n{completed['err']}")
    return json.loads(completed["out"].strip().splitlines()[-1])


def run_export(launcher, query, trace):
    launcher.submit(export_command(query, trace))
    return export_result(launcher)


def export_summary(query, timed, traced):
    return {
        "query": query,
        "rows": timed["rows"],
        "bytes": timed["bytes"],
        "transferred_bytes": timed["transferred_bytes"],
        "content_encoding": timed["content_encoding"],
        "seconds": timed["seconds"],
        "first_row_seconds": timed["first_row_seconds"],
        "rows_per_second": timed["rows"] / timed["seconds"],
        "rss_before_mib": timed["rss_before_mib"],
        "max_rss_mib": timed["max_rss_mib"],
        "rss_growth_mib": timed["max_rss_mib"] - timed["rss_before_mib"],
        "tracemalloc_peak_mib": traced["tracemalloc_peak_mib"],
        "rows_traced": traced["rows"],
        "seconds_traced": traced["seconds"],
    }


def measure_exports(launchers, total_rows, serial):
    """Each size twice: timed (wall time, ru_maxrss), and under tracemalloc (peak).

    tracemalloc makes the export about four times slower; unless serial, the traced export of
    all rows runs in a second process alongside the others, on the second core.
    """
    # About a tenth of the rows: the rows are spread evenly over 730 days.
    days = math.ceil(730 * 0.1)
    small_query = urlencode({"created_at__gte": str(local_midnight() - timedelta(days=days))})
    main, side = launchers
    if not serial:
        side.submit(export_command("", trace=True))
    timed_all = run_export(main, "", trace=False)
    timed_tenth = run_export(main, small_query, trace=False)
    traced_tenth = run_export(main, small_query, trace=True)
    traced_all = export_result(side) if not serial else run_export(main, "", trace=True)
    exports = {
        "all": export_summary("", timed_all, traced_all),
        "tenth": export_summary(small_query, timed_tenth, traced_tenth),
    }
    for key, export in exports.items():
        print(
            f"  {key:<6} {export['rows']:>9,} rows  {export['bytes'] / 2**20:6.1f} MiB CSV, "
            f"{export['transferred_bytes'] / 2**20:6.1f} MiB sent "
            f"({export['content_encoding'] or 'uncompressed'})  {export['seconds']:6.1f} s  "
            f"{export['rows_per_second']:>8,.0f} rows/s  "
            f"first row {export['first_row_seconds'] * 1000:5.0f} ms  "
            f"tracemalloc peak {export['tracemalloc_peak_mib']:6.2f} MiB  "
            f"ru_maxrss {export['max_rss_mib']:6.1f} MiB (+{export['rss_growth_mib']:.1f})",
            flush=True,
        )
    for export in exports.values():
        assert export["rows"] == export["rows_traced"], export
    assert exports["all"]["rows"] == total_rows, (exports["all"]["rows"], total_rows)
    return exports


# Report


def page_verdict(result):
    """Against the goal: the median answers within it; a p90 over it is noted."""
    goal = result["goal_ms"]
    if not goal:
        return "-"
    if result["median_ms"] >= goal:
        return "FAIL"
    return "PASS" if result["p90_ms"] < goal else "PASS (p90 over)"


def summary(report):
    pages, exports = report["admin"], report["export"]
    lines = [
        "",
        f"Summary: {report['rows']:,} requests on {report['database']} "
        f"(fill {report['fill_seconds']:.1f} s, analyze {report['analyze_seconds']:.1f} s), "
        f"{report['reps']} timed requests each after a warm-up",
        "",
        f"{'page':<46}{'median ms':>10}{'p90 ms':>9}{'queries':>9}{'goal':>10}  result",
        "-" * 94,
    ]
    for result in pages.values():
        goal = result["goal_ms"]
        lines.append(
            f"{result['label']:<46}{result['median_ms']:>10.1f}{result['p90_ms']:>9.1f}"
            f"{result['queries']:>9}{f'< {goal}' if goal else '':>10}  {result['verdict']}"
        )
    lines += [
        "",
        f"{'CSV export':<12}{'rows':>10}{'CSV MiB':>9}{'sent MiB':>10}{'seconds':>9}"
        f"{'rows/s':>9}{'tracemalloc peak':>18}{'ru_maxrss':>11}",
        "-" * 88,
    ]
    for key, export in exports.items():
        lines.append(
            f"{key:<12}{export['rows']:>10,}{export['bytes'] / 2**20:>9.1f}"
            f"{export['transferred_bytes'] / 2**20:>10.1f}{export['seconds']:>9.1f}"
            f"{export['rows_per_second']:>9,.0f}"
            f"{export['tracemalloc_peak_mib']:>14.2f} MiB{export['max_rss_mib']:>7.1f} MiB"
        )
    memory = report["export_memory"]
    lines += [
        "",
        f"export memory, all / tenth: tracemalloc peak x{memory['tracemalloc_ratio']:.2f}, "
        f"ru_maxrss x{memory['rss_ratio']:.2f} (goal <= {MEMORY_RATIO_GOAL})  "
        f"{memory['verdict']}",
        f"unfiltered list: {pages['list']['queries']} SQL queries; requests sent with "
        f"Accept-Encoding: {report['accept_encoding'] or '(none)'}",
        "exports: "
        + (
            "each run alone"
            if report["serial_exports"]
            else "the traced run of all rows ran alongside the others (--serial-exports: alone)"
        ),
        f"load average at the end: {report['load_average_at_end'][0]:.2f}",
        "",
        f"OVERALL: {report['verdict']}",
    ]
    return "\n".join(lines)


def print_explains(results):
    print(f"\nSQL of the {results['list']['label']} (warm-up request):")
    for query in results["list"]["all_queries"]:
        print(f"  {query['ms']:6.1f} ms  {query['sql'][:140]}")
    for key in ("list", "search_number"):
        print(f"\n{explain_kind()}, main query of {results[key]['label']}:")
        print(f"  {results[key]['main_query']}")
        for line in results[key]["explain"]:
            print(f"    {line}")
    for result in results.values():
        if "slowest_query_explain" in result:
            over = result["goal_ms"] and result["median_ms"] >= result["goal_ms"]
            print(
                f"\n{'OVER THE GOAL: ' if over else ''}{explain_kind()}, "
                f"slowest query of {result['label']} "
                f"({result['slowest_query']['ms']:.1f} ms):"
            )
            print(f"  {result['slowest_query']['sql']}")
            for line in result["slowest_query_explain"]:
                print(f"    {line}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--reps", type=int, default=10, help="timed requests per page")
    parser.add_argument("--reuse", action="store_true", help="keep the rows already there")
    parser.add_argument(
        "--accept-encoding",
        default="gzip, deflate, br",
        help="sent with every request, as a browser does ('' for none)",
    )
    parser.add_argument(
        "--serial-exports",
        action="store_true",
        help="run the traced export of all rows alone too (cleaner timings, ~5 minutes more)",
    )
    parser.add_argument("--export-child", help=argparse.SUPPRESS)
    parser.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.export_child is not None:  # the subprocess: the environment came from the parent
        sys.path.insert(0, str(PROJECT_DIR))
        export_child(args.export_child, args.trace)
        return

    os.environ["BENCH_ACCEPT_ENCODING"] = args.accept_encoding
    launchers = (Launcher(), Launcher())  # first, while this process is still small
    static_root = Path(tempfile.mkdtemp(prefix="ecla-bench-static-"))
    try:
        configure_environment(args.database_url, static_root)
        report = run(args, launchers)
    finally:
        for launcher in launchers:
            launcher.close()
        shutil.rmtree(static_root, ignore_errors=True)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    output = RESULTS_DIR / "admin_at_scale.json"
    output.write_text(json.dumps(report, indent=2, ensure_ascii=False, default=str))
    print(f"\nWritten to {output.relative_to(PROJECT_DIR)}")


def run(args, launchers):
    if not args.reuse:
        recreate_database(args.database_url)
    setup_django()
    from django.core.management import call_command
    from django.db import connection

    from consultations.models import ConsultationRequest

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    print(f"migrate and collectstatic: {time.perf_counter() - started:.1f} s", flush=True)

    fill_seconds = analyze_seconds = 0.0
    existing = ConsultationRequest.objects.count()
    if args.reuse and existing:
        print(f"Reusing the {existing:,} requests already there.")
    else:
        print(f"Filling {args.rows:,} requests ({connection.vendor}):", flush=True)
        fill_seconds, analyze_seconds = fill_table(args.rows)
        print(
            f"Filled in {fill_seconds:.1f} s ({args.rows / fill_seconds:,.0f} rows/s); "
            f"{'VACUUM ' if connection.vendor == 'postgresql' else ''}ANALYZE "
            f"{analyze_seconds:.1f} s",
            flush=True,
        )
    rows = ConsultationRequest.objects.count()
    create_superuser()

    print(f"\nLoad average before timing: {os.getloadavg()[0]:.2f} (2 cores: noisy above ~1)")
    print(f"\nAdmin pages ({args.reps} timed requests each, after one warm-up):", flush=True)
    admin_results = time_admin(args.reps)
    print_explains(admin_results)

    print(
        "\nCSV export, unfiltered and a tenth (each run in a fresh process; a second run of "
        "each with tracemalloc"
        + (")" if args.serial_exports else ", that of all rows alongside the others)"),
        flush=True,
    )
    exports = measure_exports(launchers, rows, args.serial_exports)
    memory = {
        "tracemalloc_ratio": exports["all"]["tracemalloc_peak_mib"]
        / exports["tenth"]["tracemalloc_peak_mib"],
        "rss_ratio": exports["all"]["max_rss_mib"] / exports["tenth"]["max_rss_mib"],
    }
    memory["verdict"] = (
        "PASS"
        if max(memory["tracemalloc_ratio"], memory["rss_ratio"]) <= MEMORY_RATIO_GOAL
        else "FAIL"
    )

    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "load_average_at_end": os.getloadavg(),
        "serial_exports": args.serial_exports,
        "accept_encoding": args.accept_encoding,
        "database": connection.vendor,
        "database_version": database_version(),
        "python": sys.version.split()[0],
        "rows": rows,
        "reps": args.reps,
        "fill_seconds": fill_seconds,
        "analyze_seconds": analyze_seconds,
        "admin": admin_results,
        "export": exports,
        "export_memory": memory,
    }
    passed = memory["verdict"] == "PASS"
    for result in admin_results.values():
        result["verdict"] = page_verdict(result)
        passed = passed and result["verdict"] != "FAIL"
    report["verdict"] = "PASS" if passed else "FAIL"
    text = summary(report)
    print(text)
    report["summary"] = text
    return report


def database_version():
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
        else:
            cursor.execute("SELECT sqlite_version()")
        return cursor.fetchone()[0]


if __name__ == "__main__":
    main()
