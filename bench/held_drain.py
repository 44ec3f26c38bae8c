"""How long a host takes to store the requests it held while the database was away.

    .venv/bin/python bench/held_drain.py                      # 1,000 held, on SQLite
    .venv/bin/python bench/held_drain.py --database-url postgres://postgres@127.0.0.1:5432/held_bench

Holds N requests in a spool of its own (as the form does while the database is unreachable),
then drains them as a server process does once it is back: at the site's pace
(HELD_REQUESTS_PER_SECOND, 50) and, to show what the database itself takes, unthrottled.
Prints seconds and requests a second for each; writes bench/results/held_drain.json.
"""

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def setup(database_url, folder):
    sys.path.insert(0, str(PROJECT))
    os.environ.update(
        DJANGO_SETTINGS_MODULE="clinic_site.settings",
        DJANGO_SECRET_KEY="held-drain-bench-" + "x" * 40,
        DJANGO_DEBUG="false",
        DATABASE_URL=database_url,
        HELD_REQUESTS_DIR=str(folder / "held"),
        HELD_REQUESTS_DRAIN="false",
        LOG_LEVEL="ERROR",
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("flush", "--no-input", verbosity=0)


def hold(count, start):
    from consultations import held

    for n in range(count):
        now = datetime.now(UTC).isoformat()
        phone = f"+97150{start + n:07d}"
        held.hold(
            f"bench-{start + n}",
            {
                "name": f"Held patient {n}", "phone": phone, "whatsapp": phone, "message": "",
                "best_time": "", "prefers": "", "source_path": "/consultation/",
                "utm_source": "", "utm_medium": "", "utm_campaign": "", "language": "en",
                "status": "new", "fingerprint": f"{start + n:064d}",
                "submission_key": f"bench-{start + n}", "consent_given_at": now,
                "created_at": now, "site_url": "https://www.example.ae",
            },
        )  # fmt: skip


def timed_drain(per_second):
    from consultations.drain import drain

    started = time.monotonic()
    stored, left = drain(per_second=per_second)
    return stored, left, time.monotonic() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="held-drain-"))
    setup(args.database_url or f"sqlite:///{folder / 'bench.sqlite3'}", folder)
    from django.conf import settings
    from django.db import connection

    results = {"database": connection.vendor, "count": args.count}
    for label, per_second, start in (
        ("at the site's pace", settings.HELD_REQUESTS_PER_SECOND, 0),
        ("unthrottled", 1_000_000, args.count),
    ):
        hold(args.count, start)
        stored, left, seconds = timed_drain(per_second)
        results[label] = {"stored": stored, "left": left, "seconds": round(seconds, 1)}
        print(
            f"{connection.vendor}, {args.count} held, {label}: {stored} stored in "
            f"{seconds:.1f} s ({stored / seconds:.0f} a second), {left} left"
        )
    out = PROJECT / "bench" / "results" / "held_drain.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2))


main()
