"""The Python side of bench/restore-drill.sh: fill the database, send requests, measure.

    restore_drill.py fill DATABASE_URL ROWS        # migrate, then ROWS requests (scale_data.py)
    restore_drill.py send BASE_URL LOG STOP_FILE   # one patient every 0.1 s until STOP_FILE exists
    restore_drill.py report DATABASE_URL LOG TIMES # RPO and RTO, printed and kept in bench/results

Every request sent is one line of LOG: its patient's name, when it was sent and answered (Unix
time) and the status (0 when no answer came). A request is acknowledged when it got the
thank-you redirect (302).
"""

import json
import os
import re
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

from cluster_browser import Browser
from scale_data import configure_environment, create_database, create_users, fill, setup_django

RESULTS = Path(__file__).resolve().parent / "results" / "restore-drill.json"
SEND_EVERY = 0.1


def fill_database(database_url, rows):
    os.environ["REDIS_URL"] = ""  # the database cache: nothing but the drill's PostgreSQL
    configure_environment(database_url, Path(tempfile.mkdtemp()), "")
    create_database(database_url, drop=True)
    setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    fill(rows, create_users())


def send(base_url, log_path, stop_file):
    port = urllib.parse.urlsplit(base_url).port
    run = time.strftime("%H%M%S")
    with open(log_path, "a") as log:
        n = 0
        while not os.path.exists(stop_file):
            n += 1
            name = f"Drill {run} {n:06d}"
            sent = time.time()
            status = send_one(port, name, n)
            line = {"name": name, "sent": sent, "answered": time.time(), "status": status}
            log.write(json.dumps(line) + "\n")
            log.flush()
            time.sleep(max(0.0, SEND_EVERY - (time.time() - sent)))


def send_one(port, name, n):
    """A patient opens the form and sends it: the POST's status, or the form page's if it failed."""
    browser = Browser(port)
    status, html, _ = browser.request("GET", "/consultation/")
    fields = dict(re.findall(r'name="(csrfmiddlewaretoken|rendered_at)" value="([^"]*)"', html))
    if status != 200 or len(fields) != 2:
        return status
    return browser.submit(fields, name, f"+97155{n:07d}")[0]


def report(database_url, log_path, times_path):
    import psycopg

    sent = [json.loads(line) for line in Path(log_path).read_text().splitlines()]
    times = json.loads(Path(times_path).read_text())
    crash = times["crash"]
    with psycopg.connect(database_url) as conn:
        drill = "FROM consultations_consultationrequest WHERE name LIKE 'Drill %%'"
        names = {row[0] for row in conn.execute(f"SELECT name {drill}")}
        twice = conn.execute(f"SELECT count(*) - count(DISTINCT name) {drill}").fetchone()[0]
        rows = conn.execute("SELECT count(*) FROM consultations_consultationrequest").fetchone()[0]
    acked = [s for s in sent if s["status"] == 302]
    before = [s for s in acked if s["answered"] < crash]
    lost = [s for s in before if s["name"] not in names]
    survived = [s for s in before if s["name"] in names]
    back = min((s["answered"] for s in acked if s["sent"] > crash), default=None)
    # The recovery point: the last acknowledged request that survived (else the first one lost
    # was the first sent); everything acknowledged after it, up to the crash, was lost.
    recovery_point = max((s["answered"] for s in survived), default=None)
    if lost and recovery_point is None:
        recovery_point = lost[0]["sent"]
    figures = {
        "rows_after_restore": rows,
        "acknowledged_before_crash": len(before),
        "acknowledged_but_lost": len(lost),
        "rpo_seconds": round(lost[-1]["answered"] - recovery_point, 1) if lost else 0.0,
        "rto_seconds": round(back - crash, 1) if back else None,
        "postgres_back_seconds": round(times["postgres_up"] - crash, 1),
        "after_restore_seconds": round(times["after_restore_done"] - times["postgres_up"], 1),
        "error_pages_shown": sum(1 for s in sent if s["status"] not in (302, 0)),
        "no_answer": sum(1 for s in sent if s["status"] == 0),
        "stored_twice": twice,
    }
    figures.update(
        {
            key: times[key]
            for key in times
            if key not in ("crash", "postgres_up", "after_restore_done")
        }
    )
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(figures, indent=2) + "\n")
    for key, value in figures.items():
        print(f"{key:>34}: {value}")
    print(
        f"RPO {figures['rpo_seconds']} s ({len(lost)} acknowledged requests lost), "
        f"RTO {figures['rto_seconds']} s (site down from the crash to the first request stored)"
    )


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    if command == "fill":
        fill_database(args[0], int(args[1]))
    elif command == "send":
        send(*args)
    elif command == "report":
        report(*args)
    else:
        sys.exit(__doc__)
