"""The admin's list of consultation requests at a million rows: the list, its searches, one request.

Times through Django's real admin, in process, as a signed-in superuser (django.test.Client,
sending Accept-Encoding like a browser), each page N times after one warm-up (median and p90):

  1. the list of all requests (page 1)          4. a search by number typed locally (050 123 4567)
  2. the list filtered by status "new"          5. a search by name (reported, not a goal)
  3. the list filtered to the past 7 days       6. the change page of one request (reported)

then prints the SQL of the list's warm-up request and the EXPLAIN ANALYZE of the list's and the
number search's main queries, of the list's slowest query and of any page over its goal.

Goal (from the issue, PostgreSQL): the list and a number search each answer in under 300 ms.
The rows are bench/scale_data.py's; the database is dropped and filled again unless --reuse:

    .venv/bin/python bench/admin_list_at_scale.py            # 1,000,000 requests, PostgreSQL
    .venv/bin/python bench/admin_list_at_scale.py --reuse    # the rows of an earlier fill
    .venv/bin/python bench/admin_list_at_scale.py --rows 20000 \\
        --database-url sqlite:////tmp/bench.sqlite3

Figures are printed and written to bench/results/admin_list_at_scale.json; the exit code is 1
when a goal is missed.
"""

import os
import sys
from datetime import timedelta
from urllib.parse import urlencode

import scale_data
import scale_timing as timing

GOAL_MS = 300


def local_number(e164):
    """+971501234567 as the front desk types it: 050 123 4567."""
    national = "0" + e164.removeprefix("+971")
    return f"{national[:3]} {national[3:6]} {national[6:]}"


def pages():
    """(key, label, url, goal in ms or None) of each page timed, and the request searched for."""
    from django.urls import reverse
    from django.utils import timezone

    from consultations.models import ConsultationRequest

    changelist = reverse("admin:consultations_consultationrequest_changelist")
    count = ConsultationRequest.objects.count()
    sample = ConsultationRequest.objects.filter(duplicate_of=None).order_by("pk")[count // 2]
    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    week = {  # as the admin's "Past 7 days" link has them
        "created_at__gte": str(today - timedelta(days=7)),
        "created_at__lt": str(today + timedelta(days=1)),
    }
    typed = local_number(str(sample.phone))
    # Without a filter the list opens on "what to do now" (bench/frontdesk_at_scale.py).
    return sample, [
        ("list", "list, all requests (page 1)", f"{changelist}?work=all", GOAL_MS),
        ("list_new", "list, status = new", f"{changelist}?status__exact=new", GOAL_MS),
        ("list_week", "list, past 7 days", f"{changelist}?{urlencode(week)}", GOAL_MS),
        ("search_number", f"search number {typed!r}", f"{changelist}?{search(typed)}", GOAL_MS),
        (
            "search_name",
            f"search name {sample.name!r}",
            f"{changelist}?{search(sample.name)}",
            None,
        ),
        (
            "change",
            f"change page #{sample.pk}",
            reverse("admin:consultations_consultationrequest_change", args=[sample.pk]),
            None,
        ),
    ]


def search(text):
    return urlencode({"q": text})


def main_query(queries):
    """The query of the rows shown: the one that reads every column, not a count or lookup."""
    for query in queries:
        sql = query["sql"]
        if f'"{scale_data.REQUESTS}"."fingerprint"' in sql and "COUNT(" not in sql.upper():
            return sql
    return max(queries, key=lambda query: query["ms"])["sql"]


def print_plans(results):
    print(f"\nSQL of the {results['list']['label']} (warm-up request):")
    for query in results["list"]["all_queries"]:
        print(f"  {query['ms']:6.1f} ms  {query['sql'][:140]}")
    plans = [
        ("list", "main", main_query(results["list"]["all_queries"])),
        ("search_number", "main", main_query(results["search_number"]["all_queries"])),
        ("list", "slowest", results["list"]["slowest_query"]["sql"]),
    ]
    for key, which, sql in plans:
        results[key][f"{which}_query_explain"] = plan = timing.explain(sql)
        print(f"\n{timing.explain_kind()}, {which} query of {results[key]['label']}:\n  {sql}")
        for line in plan:
            print(f"    {line}")
    timing.explain_slowest_over_goal(results)


def main():
    args = scale_data.arguments(__doc__, reps=10).parse_args()
    with scale_data.bench_database(args) as facts:
        client = timing.signed_in_client()
        sample, timed = pages()
        print(f"\nLoad average before timing: {os.getloadavg()[0]:.2f} (2 cores: noisy above ~1)")
        print(f"Admin pages ({args.reps} timed requests each, after one warm-up):", flush=True)
        results = {}
        for key, label, url, goal in timed:
            results[key], response = timing.time_page(client, url, args.reps, label, goal)
            if key == "search_number":
                found = f'href="tel:{sample.phone}"' in timing.body(response).decode()
                results[key]["found_the_request"] = found
                if not found:
                    results[key]["verdict"] = "FAIL"
                    print("  !! the number search did not find the request", flush=True)
        print_plans(results)

    report = {
        **facts,
        "python": sys.version.split()[0],
        "reps": args.reps,
        "accept_encoding": args.accept_encoding,
        "pages": results,
        "verdicts": {key: result["verdict"] for key, result in results.items()},
    }
    summary = [
        f"Summary: {facts['rows']:,} requests on {facts['database']}, {args.reps} timed requests "
        "each after a warm-up",
        "",
        *timing.pages_table(results),
        "",
        f"list of all requests: {results['list']['queries']} SQL queries; requests sent with "
        f"Accept-Encoding: {args.accept_encoding or '(none)'}",
    ]
    return timing.finish("admin_list_at_scale", report, summary)


if __name__ == "__main__":
    sys.exit(main())
