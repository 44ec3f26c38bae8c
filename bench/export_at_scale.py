"""The admin's streaming CSV export at a million rows: its time, and memory that stays flat.

Exports all requests, then about a tenth of them (the past 73 days), through Django's real admin
as a signed-in superuser, the CSV consumed chunk by chunk as a browser downloads it. Each export
runs in a fresh process, so that its ru_maxrss is its own: wall time, rows/s, bytes and time to
the first row; then each again under tracemalloc for its peak (a second run, as tracing makes it
about four times slower; the traced run of all rows goes alongside the others on the second core
unless --serial-exports).

Goal (from the issue): the peak memory of the export of all rows is within 1.5x of that of a
tenth, both by tracemalloc and by ru_maxrss. The rows are bench/scale_data.py's; the database
is dropped and filled again unless --reuse:

    .venv/bin/python bench/export_at_scale.py            # 1,000,000 requests, PostgreSQL
    .venv/bin/python bench/export_at_scale.py --reuse    # the rows of an earlier fill
    .venv/bin/python bench/export_at_scale.py --rows 20000 \\
        --database-url sqlite:////tmp/bench.sqlite3

Figures are printed and written to bench/results/export_at_scale.json; the exit code is 1 when
the goal is missed.
"""

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import time
import tracemalloc
import zlib
from datetime import timedelta
from urllib.parse import urlencode

import scale_data
import scale_timing as timing

MEMORY_RATIO_GOAL = 1.5
ROW_END = b"\r\n"  # the csv module's; a history cell's lines end with a bare \n


def max_rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def export_child(query, trace):
    """Runs in the subprocess: the export through the admin, consumed chunk by chunk."""
    scale_data.setup_django()
    from django.urls import reverse

    client = timing.signed_in_client()
    url = reverse("admin:consultations_consultationrequest_export")
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
    last = b""
    for chunk in response.streaming_content:
        transferred += len(chunk)
        data = gunzip.decompress(chunk) if gunzip else chunk
        size += len(data)
        lines += (last + data).count(ROW_END)  # a row's end may straddle two chunks
        last = data[-1:]
        if first_row_seconds is None and lines >= 2:  # the titles, then the first row
            first_row_seconds = time.perf_counter() - started
    response.close()
    seconds = time.perf_counter() - started
    traced_peak = tracemalloc.get_traced_memory()[1] if trace else None
    tracemalloc.stop()
    figures = {
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
    print(json.dumps(figures))


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

    def submit(self, query, trace, timeout=3 * 3600):
        args = [sys.executable, __file__, "--export-child", query, *(["--trace"] * trace)]
        job = {"args": args, "cwd": str(scale_data.PROJECT_DIR), "env": dict(os.environ)}
        self.process.stdin.write(json.dumps({**job, "timeout": timeout}) + "\n")
        self.process.stdin.flush()

    def result(self):
        completed = json.loads(self.process.stdout.readline())
        if completed["code"]:
            sys.exit(f"The export subprocess failed:\n{completed['err']}")
        return json.loads(completed["out"].strip().splitlines()[-1])

    def run(self, query, trace):
        self.submit(query, trace)
        return self.result()

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


def summary(query, timed, traced):
    assert timed["rows"] == traced["rows"], (timed, traced)
    return {
        "query": query,
        **timed,
        "rows_per_second": timed["rows"] / timed["seconds"],
        "rss_growth_mib": timed["max_rss_mib"] - timed["rss_before_mib"],
        "tracemalloc_peak_mib": traced["tracemalloc_peak_mib"],
        "seconds_traced": traced["seconds"],
    }


def measure(launchers, serial):
    """Each size twice: timed (wall time, ru_maxrss), and under tracemalloc (peak)."""
    from django.utils import timezone

    # About a tenth of the rows: they are spread evenly over 730 days.
    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    since = str(today - timedelta(days=math.ceil(730 * 0.1)))
    # Without a filter the export, as the list, has only "what to do now".
    everything = urlencode({"work": "all"})
    tenth = urlencode({"work": "all", "created_at__gte": since})
    main, side = launchers
    if not serial:
        side.submit(everything, trace=True)
    timed_all = main.run(everything, trace=False)
    timed_tenth = main.run(tenth, trace=False)
    traced_tenth = main.run(tenth, trace=True)
    traced_all = main.run(everything, trace=True) if serial else side.result()
    return {
        "all": summary(everything, timed_all, traced_all),
        "tenth": summary(tenth, timed_tenth, traced_tenth),
    }


def table(exports):
    lines = [
        f"{'CSV export':<12}{'rows':>10}{'CSV MiB':>9}{'sent MiB':>10}{'seconds':>9}"
        f"{'rows/s':>9}{'first row':>11}{'tracemalloc peak':>18}{'ru_maxrss':>11}",
        "-" * 99,
    ]
    for key, export in exports.items():
        lines.append(
            f"{key:<12}{export['rows']:>10,}{export['bytes'] / 2**20:>9.1f}"
            f"{export['transferred_bytes'] / 2**20:>10.1f}{export['seconds']:>9.1f}"
            f"{export['rows_per_second']:>9,.0f}{export['first_row_seconds'] * 1000:>8.0f} ms"
            f"{export['tracemalloc_peak_mib']:>14.2f} MiB{export['max_rss_mib']:>7.1f} MiB"
        )
    return lines


def main():
    parser = scale_data.arguments(__doc__)
    parser.add_argument(
        "--serial-exports",
        action="store_true",
        help="run the traced export of all rows alone too (cleaner timings, minutes more)",
    )
    parser.add_argument("--export-child", help=argparse.SUPPRESS)
    parser.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.export_child is not None:  # the subprocess: the environment came from the parent
        sys.path.insert(0, str(scale_data.PROJECT_DIR))
        export_child(args.export_child, args.trace)
        return 0

    launchers = (Launcher(), Launcher())  # first, while this process is still small
    try:
        with scale_data.bench_database(args) as facts:
            print(
                f"\nCSV export of all requests and of a tenth, each in a fresh process, then "
                f"each under tracemalloc (load average {os.getloadavg()[0]:.2f}):",
                flush=True,
            )
            exports = measure(launchers, args.serial_exports)
    finally:
        for launcher in launchers:
            launcher.close()

    assert exports["all"]["rows"] == facts["rows"], (exports["all"]["rows"], facts["rows"])
    ratios = {
        "tracemalloc_ratio": exports["all"]["tracemalloc_peak_mib"]
        / exports["tenth"]["tracemalloc_peak_mib"],
        "rss_ratio": exports["all"]["max_rss_mib"] / exports["tenth"]["max_rss_mib"],
    }
    met = max(ratios.values()) <= MEMORY_RATIO_GOAL
    report = {
        **facts,
        "python": sys.version.split()[0],
        "accept_encoding": args.accept_encoding,
        "serial_exports": args.serial_exports,
        "export": exports,
        "export_memory": ratios,
        "verdicts": {"export memory": "PASS" if met else "FAIL"},
    }
    alongside = "each alone" if args.serial_exports else "traced export of all rows alongside"
    summary_lines = [
        f"Summary: {facts['rows']:,} requests on {facts['database']} ({alongside})",
        "",
        *table(exports),
        "",
        f"export memory, all / tenth: tracemalloc peak x{ratios['tracemalloc_ratio']:.2f}, "
        f"ru_maxrss x{ratios['rss_ratio']:.2f} (goal <= {MEMORY_RATIO_GOAL})  "
        f"{'PASS' if met else 'FAIL'}",
    ]
    return timing.finish("export_at_scale", report, summary_lines)


if __name__ == "__main__":
    sys.exit(main())
