"""What counting a page view costs on the page's path, measured inside one process.

    .venv/bin/python bench/visit_counting.py            (--rounds 9 --views 300)

wrk on two shared cores moves a page's ratio by up to a fifth from run to run, more than the few
percent this has to show. Here the same Django (production settings: debug off, the page cache,
SQLite and its database cache as bench/serve-site.sh has them) answers each page through two WSGI
handlers, one with the site's middleware and one without VisitCountingMiddleware, in alternating
blocks of VIEWS requests, ROUNDS times; each side's figure is the median of its blocks. No
network and no wrk share the cores, so the difference is the counting's own.

Two visitors are measured:
- returning: the same browser and address throughout, as wrk sends (the visit is known to
  the process after its first view: no trip to the cache);
- first view: a new browser on every request, so each view starts a visit (one add to the
  shared cache, here the database cache on SQLite; Redis in production is faster).
Prints microseconds per view with and without counting, and the page's throughput with counting
as a share of without. Results: bench/results/visit_counting.txt
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
RESULTS = PROJECT / "bench" / "results" / "visit_counting.txt"
PAGES = ["/", "/faq/", "/hair-loss/", "/consultation/", "/ar/", "/ar/faq/"]
COUNTING = "visits.counting.VisitCountingMiddleware"
AGENT = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
)


def configure(workdir):
    os.environ.update(
        DJANGO_SETTINGS_MODULE="clinic_site.settings",
        DJANGO_SECRET_KEY="bench-" + os.urandom(16).hex(),
        DJANGO_DEBUG="false",
        DJANGO_HTTPS="false",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"sqlite:///{workdir}/db.sqlite3",
        DJANGO_STATIC_ROOT=f"{workdir}/static",
        LOG_LEVEL="WARNING",
        VISITS_COUNT="false",  # no flusher thread: the counts stay in memory
    )
    os.environ.pop("REDIS_URL", None)
    sys.path.insert(0, str(PROJECT))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)


def handlers():
    from django.conf import settings
    from django.core.handlers.wsgi import WSGIHandler
    from django.test import override_settings

    with_counting = WSGIHandler()
    without = [name for name in settings.MIDDLEWARE if name != COUNTING]
    assert len(without) == len(settings.MIDDLEWARE) - 1, "the counting middleware is not installed"
    with override_settings(MIDDLEWARE=without):
        without_counting = WSGIHandler()
    return with_counting, without_counting


def environ(path, agent):
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_USER_AGENT": agent,
        "HTTP_ACCEPT_ENCODING": "gzip",
        "wsgi.url_scheme": "http",
        "wsgi.input": sys.stdin.buffer,
        "wsgi.errors": sys.stderr,
    }


def view(handler, env):
    statuses = []
    body = handler(dict(env), lambda status, headers, exc_info=None: statuses.append(status))
    for _ in body:
        pass
    body.close()
    if not statuses[0].startswith("200"):
        raise SystemExit(f"{env['PATH_INFO']} answered {statuses[0]}")


def block(handler, path, views, new_visitor):
    envs = [
        environ(path, f"{AGENT} bench/{time.monotonic_ns()}-{n}" if new_visitor else AGENT)
        for n in range(views)
    ]
    started = time.perf_counter()
    for env in envs:
        view(handler, env)
    return (time.perf_counter() - started) / views * 1e6


def measure(path, rounds, views, new_visitor):
    with_counting, without_counting = HANDLERS
    for handler in HANDLERS:
        block(handler, path, 50, new_visitor)  # warm-up: the page cache, the visit, the agent
    timed = {"with": [], "without": []}
    for _ in range(rounds):
        timed["without"].append(block(without_counting, path, views, new_visitor))
        timed["with"].append(block(with_counting, path, views, new_visitor))
    return statistics.median(timed["with"]), statistics.median(timed["without"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--views", type=int, default=300)
    args = parser.parse_args()
    global HANDLERS
    with tempfile.TemporaryDirectory(prefix="ecla-visit-bench-") as workdir:
        configure(workdir)
        HANDLERS = handlers()
        lines = [
            f"median of {args.rounds} alternating blocks of {args.views} views, one process",
            "",
            f"{'page':<16} {'visitor':<10} {'µs with':>8} {'µs without':>11} {'cost µs':>8} "
            f"{'throughput':>11}",
        ]
        for path in PAGES:
            for visitor, new_visitor in (("returning", False), ("first view", True)):
                with_us, without_us = measure(path, args.rounds, args.views, new_visitor)
                lines.append(
                    f"{path:<16} {visitor:<10} {with_us:8.0f} {without_us:11.0f} "
                    f"{with_us - without_us:8.1f} {without_us / with_us:10.1%}"
                )
                print(lines[-1], flush=True)
    lines += [
        "",
        "throughput: requests/s with counting as a share of without (µs without / µs with).",
    ]
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n")
    print(f"\n{RESULTS.relative_to(PROJECT)}")


if __name__ == "__main__":
    main()
