"""Consultation requests under load: concurrent valid submissions by different patients.

    .venv/bin/python bench/submissions.py                  # SQLite, then PostgreSQL with Redis
    .venv/bin/python bench/submissions.py --duration 20 --concurrency 1 4 16 64

For each database, gunicorn (deploy/gunicorn.conf.py, production settings, WORKERS workers) serves
the site on a fresh database, and for each concurrency level that many patients at a time open
the form and send it, for DURATION seconds: each patient from an address of their own (so the
rate limit sees different people), with different answers, their form filled in a minute ago.
Prints submissions/s, p50/p99 of the POST, the server's CPU use, and checks that the rows stored
equal the submissions answered 302. SQLite runs with the database cache (the rate limit's counts
are written to SQLite too), PostgreSQL with Redis, as each would in production.
Results: bench/results/submissions.json
"""

import argparse
import contextlib
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cluster_browser import PROJECT, Browser

RESULTS = PROJECT / "bench" / "results" / "submissions.json"
PORT = 8650
RUN = os.environ.setdefault("BENCH_RUN", os.urandom(4).hex())


def server_cpu_seconds(pid):
    """CPU seconds of gunicorn's master and workers so far, recycled workers included."""

    def times(process, fields):
        stat = Path(f"/proc/{process}/stat").read_text().rsplit(")", 1)[1].split()
        return sum(int(stat[field]) for field in fields)

    # utime and stime of each live process; cutime and cstime: the workers the master reaped.
    total = times(pid, (11, 12, 13, 14))
    for worker in Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
        # A worker recycled since the list was read: its time is in cutime next time.
        with contextlib.suppress(FileNotFoundError):
            total += times(worker, (11, 12))
    return total / os.sysconf("SC_CLK_TCK")


def load(concurrency, duration, counter):
    """`concurrency` patients at a time for `duration` seconds; the POSTs' statuses and times."""
    from consultations.forms import signed_timestamp

    answers, end = [], time.monotonic() + duration

    def patient_loop():
        while time.monotonic() < end:
            n = next(counter)
            patient = Browser(PORT, source=f"127.{20 + n // 60000}.{n // 240 % 250}.{n % 240 + 1}")
            form = patient.form("/consultation/")
            if form is None:
                answers.append((0, 0.0))
                continue
            form["rendered_at"] = signed_timestamp(60)
            started = time.perf_counter()
            # A name no earlier run used: the same answers within ten minutes are one request.
            name = f"Load patient {RUN}-{n}"
            status = patient.submit(form, name, f"+9715{n:08d}")[0]
            answers.append((status, time.perf_counter() - started))

    threads = [threading.Thread(target=patient_loop) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def run_one_database(args):
    """In a process of its own: Django's settings point at this run's database."""
    import django

    django.setup()
    from django.core.management import call_command

    from consultations.models import ConsultationRequest

    call_command("migrate", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)
    env = {**os.environ, "GUNICORN_BIND": f"127.0.0.1:{PORT}", "GUNICORN_WORKERS": args.workers}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "clinic_site.wsgi"],
        cwd=PROJECT,
        env=env,
    )
    try:
        while Browser(PORT).request("GET", "/healthz")[0] != 200:
            assert server.poll() is None, "gunicorn did not start"
            time.sleep(0.2)
        counter, levels = itertools.count(), []
        load(2, 2, counter)  # warm-up: every worker has its connections and templates
        for concurrency in args.concurrency:
            before, cpu = ConsultationRequest.objects.count(), server_cpu_seconds(server.pid)
            started = time.monotonic()
            answers = load(concurrency, args.duration, counter)
            elapsed = time.monotonic() - started
            cpu = server_cpu_seconds(server.pid) - cpu
            accepted = sorted(seconds for status, seconds in answers if status == 302)
            stored = ConsultationRequest.objects.count() - before
            levels.append(
                {
                    "concurrency": concurrency,
                    "submissions/s": round(len(accepted) / elapsed, 1),
                    "p50 ms": round(statistics.median(accepted) * 1000, 1) if accepted else None,
                    "p99 ms": round(accepted[int(len(accepted) * 0.99)] * 1000, 1)
                    if accepted
                    else None,
                    "accepted": len(accepted),
                    "stored": stored,
                    "other answers": len(answers) - len(accepted),
                    "server CPU (cores)": round(cpu / elapsed, 2),
                }
            )
        print(json.dumps(levels))
    finally:
        server.terminate()
        server.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=10)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 2, 4, 8, 16, 32])
    parser.add_argument("--workers", default=os.environ.get("WORKERS", "2"))
    parser.add_argument(
        "--postgres-url", default="postgres://postgres@127.0.0.1:5432/h_perf", help="emptied first"
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/4")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        return run_one_database(args)

    work = Path(tempfile.mkdtemp(prefix="ecla-submissions-"))
    base_env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "clinic_site.settings",
        "DJANGO_SECRET_KEY": os.urandom(24).hex(),
        "DJANGO_DEBUG": "false",
        "DJANGO_HTTPS": "false",
        "DJANGO_ALLOWED_HOSTS": "www.example.ae",
        "DJANGO_STATIC_ROOT": str(work / "static"),
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(PROJECT),
    }
    databases = {
        "SQLite (database cache)": {"DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}"},
        "PostgreSQL + Redis": {"DATABASE_URL": args.postgres_url, "REDIS_URL": args.redis_url},
    }
    subprocess.run(  # start PostgreSQL's run on an empty schema
        [sys.executable, "manage.py", "flush", "--no-input"],
        cwd=PROJECT,
        env={**base_env, **databases["PostgreSQL + Redis"]},
        capture_output=True,
    )
    report = {}
    for name, database_env in databases.items():
        output = subprocess.run(
            [sys.executable, __file__, "--one", *sys.argv[1:]],
            cwd=PROJECT,
            env={k: v for k, v in {**base_env, **database_env}.items()},
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        report[name] = json.loads(output.strip().splitlines()[-1])
    print_report(report, args)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2))


def print_report(report, args):
    print(
        f"gunicorn {args.workers} workers, {args.duration:g} s per level, one patient per address"
    )
    columns = ["submissions/s", "p50 ms", "p99 ms", "accepted", "stored", "other answers"]
    columns.append("server CPU (cores)")
    for name, levels in report.items():
        print(f"\n{name}")
        print(f"{'concurrency':>11}" + "".join(f"{c:>20}" for c in columns))
        for level in levels:
            print(f"{level['concurrency']:>11}" + "".join(f"{level[c]!s:>20}" for c in columns))
        same = all(level["stored"] == level["accepted"] for level in levels)
        print("rows stored = submissions accepted: " + ("yes" if same else "NO"))


if __name__ == "__main__":
    main()
