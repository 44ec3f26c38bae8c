"""What the bench/*_at_scale.py scripts share to time the admin: a signed-in client, a page timed
N times after a warm-up (median and p90), the plans of its queries, and the results file."""

import gzip
import json
import math
import os
import statistics
import time

from scale_data import PROJECT_DIR, SUPERUSER

RESULTS_DIR = PROJECT_DIR / "bench" / "results"
HOST = "localhost"


def signed_in_client():
    """The bench superuser's client, past the second factor, sending a browser's Accept-Encoding."""
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


def percentile(values, fraction):
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def time_page(client, url, reps, label, goal_ms=None):
    """One warm-up request (its SQL queries kept), then reps timed ones: (result, last response)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
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
    result = {
        "label": label,
        "url": url,
        "goal_ms": goal_ms,
        "median_ms": statistics.median(times),
        "p90_ms": percentile(times, 0.9),
        "min_ms": min(times),
        "times_ms": times,
        "queries": len(queries),
        "sql_ms": sum(query["ms"] for query in queries),
        "slowest_query": max(queries, key=lambda query: query["ms"]),
        "all_queries": queries,
    }
    result["verdict"] = verdict(result)
    print(
        f"  {label:<44} median {result['median_ms']:7.1f} ms  p90 {result['p90_ms']:7.1f} ms  "
        f"{len(queries):2d} queries (slowest {result['slowest_query']['ms']:.1f} ms)",
        flush=True,
    )
    return result, response


def verdict(result):
    """Against the goal: the median answers within it; a p90 over it is noted."""
    goal = result["goal_ms"]
    if not goal:
        return "-"
    if result["median_ms"] >= goal:
        return "FAIL"
    return "PASS" if result["p90_ms"] < goal else "PASS (p90 over)"


def body(response):
    if response.get("Content-Encoding") == "gzip":
        return gzip.decompress(response.content)
    return response.content


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


def explain_slowest_over_goal(results):
    """The plan of the slowest query of each page that missed its goal, kept and printed."""
    for result in results.values():
        if result["verdict"] == "FAIL":
            slowest = result["slowest_query"]
            result["slowest_query_explain"] = explain(slowest["sql"])
            print(
                f"\nOVER THE GOAL: {explain_kind()}, slowest query of {result['label']} "
                f"({slowest['ms']:.1f} ms):\n  {slowest['sql']}"
            )
            for line in result["slowest_query_explain"]:
                print(f"    {line}")


def pages_table(results):
    lines = [
        f"{'page':<46}{'median ms':>10}{'p90 ms':>9}{'queries':>9}{'goal':>10}  result",
        "-" * 94,
    ]
    for result in results.values():
        goal = result["goal_ms"]
        lines.append(
            f"{result['label']:<46}{result['median_ms']:>10.1f}{result['p90_ms']:>9.1f}"
            f"{result['queries']:>9}{f'< {goal}' if goal else '':>10}  {result['verdict']}"
        )
    return lines


def finish(name, report, summary_lines):
    """Prints the summary and the verdict, writes bench/results/<name>.json; the exit code."""
    failed = [key for key, verdict in report["verdicts"].items() if verdict == "FAIL"]
    report["verdict"] = "FAIL" if failed else "PASS"
    report["load_average_at_end"] = os.getloadavg()
    text = "\n".join(
        [
            "",
            *summary_lines,
            "",
            f"load average at the end: {report['load_average_at_end'][0]:.2f} "
            "(2 shared cores: noisy above ~1)",
            f"OVERALL: {report['verdict']}" + (f" (missed: {', '.join(failed)})" if failed else ""),
        ]
    )
    print(text)
    report["summary"] = text
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    output = RESULTS_DIR / f"{name}.json"
    output.write_text(json.dumps(report, indent=2, ensure_ascii=False, default=str))
    print(f"\nWritten to {output.relative_to(PROJECT_DIR)}")
    return 1 if failed else 0
