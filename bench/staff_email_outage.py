"""The thanks page's time with the mail server up, hanging and refusing; then the staff emails
arriving once it is back.

    .venv/bin/python bench/staff_email_outage.py                  # this checkout, SQLite
    .venv/bin/python bench/staff_email_outage.py --site /tmp/old  # another checkout's code
    .venv/bin/python bench/staff_email_outage.py --database-url postgres://postgres@127.0.0.1:5432/h_outbox

gunicorn (production settings, 2 workers) sends its email to a local port. PATIENTS patients
send the form (POST timed) while that port is: a small SMTP server that takes every message
("up"); a socket that accepts and never answers ("hanging", the worst case: the site waits
for EMAIL_TIMEOUT, 10 s); nothing ("refused"). Then the SMTP server comes back on the port
and the bench waits (at most --wait seconds) for the emails of the requests sent while it
was away. Prints the POSTs' median and longest times and what arrived;
writes bench/results/staff_email_outage.json.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cluster_browser import PROJECT, Browser

sys.path.insert(0, str(PROJECT))
from tests.servers import free_port
from tests.smtp import HangingSMTP, TinySMTP

RESULTS = PROJECT / "bench" / "results" / "staff_email_outage.json"


def environment(args, work, smtp_port, http_port):
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "DJANGO_SETTINGS_MODULE": "clinic_site.settings",
        "DJANGO_SECRET_KEY": "staff-email-bench-" + "x" * 40,
        "DJANGO_DEBUG": "false",
        "DJANGO_HTTPS": "false",
        "DJANGO_ALLOWED_HOSTS": "www.example.ae",
        "DJANGO_STATIC_ROOT": str(work / "static"),
        "DATABASE_URL": args.database_url or f"sqlite:///{work / 'db.sqlite3'}",
        "HELD_REQUESTS_DIR": str(work / "held"),
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        "EMAIL_USE_TLS": "false",
        "CONSULTATION_NOTIFY_EMAILS": "desk@example.ae",
        "GUNICORN_BIND": f"127.0.0.1:{http_port}",
        "GUNICORN_WORKERS": "2",
        "LOG_LEVEL": "CRITICAL",
        "PYTHONPATH": str(args.site),
    }


def patients(port, count, first):
    """`count` patients send the form, one after another; each POST's seconds."""
    from consultations.forms import signed_timestamp

    times = []
    for n in range(first, first + count):
        patient = Browser(port, source=f"127.0.{n // 200 + 1}.{n % 200 + 2}")
        form = patient.form("/consultation/")
        form["rendered_at"] = signed_timestamp(60)
        started = time.perf_counter()
        status, _, location = patient.submit(form, f"Bench patient {n}", f"+9715{n:08d}")
        times.append(time.perf_counter() - started)
        assert status == 302 and "/thanks/" in location, (status, location)
    return times


def summary(times):
    return {
        "median ms": round(statistics.median(times) * 1000, 1),
        "longest ms": round(max(times) * 1000, 1),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=10)
    parser.add_argument("--wait", type=float, default=180, help="seconds to wait for the emails")
    parser.add_argument("--site", type=Path, default=PROJECT, help="the checkout gunicorn runs")
    parser.add_argument("--database-url", help="emptied first (default: a fresh SQLite file)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ecla-staff-email-"))
    smtp_port, http_port = free_port(), free_port()
    env = environment(args, work, smtp_port, http_port)
    os.environ.update({k: v for k, v in env.items() if k.startswith("DJANGO_")})
    manage = [sys.executable, "manage.py"]
    for command in (["migrate"], ["flush", "--no-input"], ["collectstatic", "--no-input"]):
        subprocess.run(manage + command, cwd=args.site, env=env, check=True, capture_output=True)
    import django

    django.setup()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "clinic_site.wsgi"],
        cwd=args.site,
        env=env,
        stderr=subprocess.DEVNULL,
    )
    results = {"site": str(args.site), "database": env["DATABASE_URL"].split(":")[0]}
    try:
        while Browser(http_port).request("GET", "/healthz")[0] != 200:
            assert server.poll() is None, "gunicorn did not start"
            time.sleep(0.2)
        n = args.patients
        with TinySMTP(smtp_port) as up:
            patients(http_port, 2, 10_000)  # warm-up: each worker has its connections
            results["up"] = summary(patients(http_port, n, 0))
            deadline = time.monotonic() + 30
            while len(up.messages) < n + 2 and time.monotonic() < deadline:
                time.sleep(0.2)
            results["up"]["emails arrived"] = len(up.messages) - 2
        with HangingSMTP(smtp_port):
            results["hanging"] = summary(patients(http_port, n, n))
        results["refused"] = summary(patients(http_port, n, 2 * n))
        back = time.monotonic()
        with TinySMTP(smtp_port) as again:
            while len(again.messages) < 2 * n and time.monotonic() < back + args.wait:
                time.sleep(0.5)
            results["back"] = {
                "emails arrived": len(again.messages),
                "of": 2 * n,
                "seconds": round(time.monotonic() - back, 1),
            }
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(json.dumps(results, indent=1))
    RESULTS.parent.mkdir(exist_ok=True)
    with RESULTS.open("a") as out:
        out.write(json.dumps(results) + "\n")


if __name__ == "__main__":
    main()
