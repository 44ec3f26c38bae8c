"""The front desk and the owner's report at a million requests with their histories: how fast.

Times through Django's real admin, in process, as a signed-in superuser, each page N times after
one warm-up (median and p90 in ms), with the slowest SQL query of each:

  1. the "what to do now" list (the list as it opens)   4. the requests report (last 12 weeks)
  2. the list filtered to "due today"                   5. the report's CSV
  3. one request with its contact history and the same patient's other requests

Goals (from the issue, PostgreSQL): the report and its CSV under 500 ms; the lists and one
request under 300 ms. The rows, histories, owners and follow-ups are bench/scale_data.py's; the
database is dropped and filled again unless --reuse:

    .venv/bin/python bench/frontdesk_at_scale.py            # 1,000,000 requests, PostgreSQL
    .venv/bin/python bench/frontdesk_at_scale.py --reuse    # the rows of an earlier fill
    .venv/bin/python bench/frontdesk_at_scale.py --rows 20000 \\
        --database-url sqlite:////tmp/bench.sqlite3

Figures are printed and written to bench/results/frontdesk_at_scale.json; the exit code is 1
when a goal is missed.
"""

import os
import sys

import scale_data
import scale_timing as timing

LIST_GOAL_MS = 300
REPORT_GOAL_MS = 500


def pages():
    """(key, label, url, goal in ms) of each page timed."""
    from django.urls import reverse

    from consultations.models import ConsultationRequest

    listing = reverse("admin:consultations_consultationrequest_changelist")
    middle = ConsultationRequest.objects.count() // 2
    # A patient who asked twice, came, and has a history of three entries.
    repeat = (
        ConsultationRequest.objects.filter(pk__gte=middle, status="attended")
        .exclude(duplicate_of=None)
        .order_by("pk")
        .first()
    )
    one = reverse("admin:consultations_consultationrequest_change", args=[repeat.pk])
    report = reverse("admin:frontdesk_requests_report")
    return [
        ("to_do", "what to do now", listing, LIST_GOAL_MS),
        ("due_today", "due today", f"{listing}?work=due_today", LIST_GOAL_MS),
        ("one_request", f"one request #{repeat.pk}", one, LIST_GOAL_MS),
        ("report", "report (12 weeks)", report, REPORT_GOAL_MS),
        ("report_csv", "report CSV", f"{report}?format=csv", REPORT_GOAL_MS),
    ]


def main():
    args = scale_data.arguments(__doc__, reps=5).parse_args()
    with scale_data.bench_database(args) as facts:
        from consultations import follow_ups
        from consultations.models import ConsultationRequest

        due = follow_ups.due_today(ConsultationRequest.objects).count()
        to_do = (
            ConsultationRequest.objects.new() | follow_ups.due_now(ConsultationRequest.objects)
        ).count()
        client = timing.signed_in_client()
        print(
            f"\n{facts['rows']:,} requests, {to_do:,} to do now, {due} due today; "
            f"load average {os.getloadavg()[0]:.2f} (2 shared cores: noisy above ~1)",
            flush=True,
        )
        print(f"Pages ({args.reps} timed requests each, after one warm-up):", flush=True)
        results = {}
        for key, label, url, goal in pages():
            results[key], _response = timing.time_page(client, url, args.reps, label, goal)
            slowest = results[key]["slowest_query"]
            print(f"{'':4}slowest query {slowest['ms']:.1f} ms: {slowest['sql'][:150]}")
        timing.explain_slowest_over_goal(results)

    report = {
        **facts,
        "python": sys.version.split()[0],
        "reps": args.reps,
        "to_do_now": to_do,
        "due_today": due,
        "pages": results,
        "verdicts": {key: result["verdict"] for key, result in results.items()},
    }
    summary = [
        f"Summary: {facts['rows']:,} requests on {facts['database']}, {args.reps} timed requests "
        "each after a warm-up",
        "",
        *timing.pages_table(results),
    ]
    return timing.finish("frontdesk_at_scale", report, summary)


if __name__ == "__main__":
    sys.exit(main())
