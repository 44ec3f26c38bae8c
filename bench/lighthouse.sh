#!/usr/bin/env bash
# Lighthouse scores of every page of the site, as a phone sees it (Lighthouse's default: mobile).
#
# Serves the site with gunicorn and production-like settings (debug off, WhiteNoise, collected
# static files) on a throwaway SQLite database, runs Lighthouse against each page, and prints
# page x {performance, accessibility, best-practices, seo} (0-100), the homepage's total
# transferred bytes (the `total-byte-weight` audit), and every audit that keeps a category under
# 100. Goal (DESIGN): 100 in all four on every page; the homepage weighs at most 30 KiB compressed.
#
# Run from the project folder:  bench/lighthouse.sh        (PORT=8765 bench/lighthouse.sh)
# Needs Node/npm (installs Lighthouse into bench/.tools on the first run) and /usr/bin/chromium.
# JSON reports: bench/results/lighthouse/<page>.json. Lighthouse exits 0 whatever the scores;
# so does this script, once every page was measured.

set -euo pipefail

cd "$(dirname "$0")/.."
LIGHTHOUSE_VERSION=13.5.0
TOOLS=bench/.tools
LIGHTHOUSE=$TOOLS/node_modules/.bin/lighthouse
OUT=bench/results/lighthouse
# The articles and the cost page's prices are measured with a sample article and two sample prices
# published in the throwaway database (bench/sample_content.py).
ENGLISH=(/ /hair-loss/ /exosome-therapy/ /treatments-compared/ /procedure/ /cost-and-safety/ /faq/
  /contact/ /privacy/ /consultation/ /articles/ /articles/preparing-for-your-first-session/)
# Every page in English and in Arabic (under /ar/). LANGUAGES=en or LANGUAGES=ar for one only.
PAGES=()
for language in ${LANGUAGES:-en ar}; do
  for page in "${ENGLISH[@]}"; do
    if [[ $language == en ]]; then PAGES+=("$page"); else PAGES+=("/$language$page"); fi
  done
done
CHROME_FLAGS="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
CHROME_FLAGS+=" --disable-background-networking --disable-component-update --disable-sync"

if [[ ! -x $LIGHTHOUSE ]] || [[ $($LIGHTHOUSE --version) != "$LIGHTHOUSE_VERSION" ]]; then
  npm install --prefix "$TOOLS" --no-audit --no-fund "lighthouse@$LIGHTHOUSE_VERSION"
fi

. bench/serve-site.sh
start_site
$PYTHON bench/sample_content.py

rm -rf "$OUT"
mkdir -p "$OUT"
for page in "${PAGES[@]}"; do
  name=$(echo "$page" | sed 's|^/||; s|/$||; s|/|-|g; s|^$|home|')
  echo "Lighthouse $BASE$page" >&2
  # Lighthouse now and then loses Chromium's trace (NO_NAVSTART) on a busy machine: try again.
  for try in 1 2 3; do
    if CHROME_PATH=/usr/bin/chromium "$LIGHTHOUSE" "$BASE$page" --output=json \
      --output-path="$OUT/$name.json" --quiet --chrome-flags="$CHROME_FLAGS"; then
      break
    fi
    [[ $try == 3 ]] && exit 1
    echo "Trying $page again" >&2
  done
done

stop_site

$PYTHON - "$OUT" "${PAGES[@]}" <<'PYTHON'
"""The table of scores, the homepage's weight and the audits that cost points."""

import json
import sys
from pathlib import Path

out, pages = Path(sys.argv[1]), sys.argv[2:]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
HOME_BUDGET = 30 * 1024
SKIPPED_MODES = {"informative", "manual", "notApplicable"}


def report_of(page):
    return json.loads((out / f"{page.strip('/').replace('/', '-') or 'home'}.json").read_text())


def score(category):
    return None if category["score"] is None else round(category["score"] * 100)


reports = {page: report_of(page) for page in pages}
width = max(len(page) for page in pages) + 2
print(f"\nLighthouse {next(iter(reports.values()))['lighthouseVersion']}, mobile")
print(f"{'page':<{width}}" + "".join(f"{name:>16}" for name in CATEGORIES))
print("-" * (width + 16 * len(CATEGORIES)))
failing = []
summary = {}
for page, report in reports.items():
    scores = {name: score(report["categories"][name]) for name in CATEGORIES}
    summary[page] = scores
    print(f"{page:<{width}}" + "".join(f"{str(scores[name]):>16}" for name in CATEGORIES))
    for name in CATEGORIES:
        if scores[name] == 100:
            continue
        for ref in report["categories"][name]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if audit["scoreDisplayMode"] in SKIPPED_MODES or audit["score"] is None:
                continue
            if audit["score"] < 1:
                failing.append((page, name, ref.get("weight", 0), audit))

home = reports[pages[0]]["audits"]["total-byte-weight"]
weight = home["numericValue"]
print(f"\nHomepage total-byte-weight: {weight:,.0f} bytes ({weight / 1024:.1f} KiB), "
      f"goal <= {HOME_BUDGET / 1024:.0f} KiB: {'PASS' if weight <= HOME_BUDGET else 'FAIL'}")
for item in home["details"]["items"]:
    print(f"  {item['totalBytes']:>8,} bytes  {item['url']}")

all_hundred = all(value == 100 for scores in summary.values() for value in scores.values())
print(f"All pages 100 in all four categories: {'PASS' if all_hundred else 'FAIL'}")
if failing:
    print("\nAudits under 100% in a category under 100 (page, category, weight, id, score):")
    for page, name, weight_in_category, audit in failing:
        shown = f" [{audit['displayValue']}]" if audit.get("displayValue") else ""
        print(f"  {page:<{width}}{name:<15}w={weight_in_category:<3}{audit['id']}: "
              f"{audit['title']} (score {audit['score']:.2f}){shown}")
environment = next(iter(reports.values()))["environment"]
print(f"\nLighthouse benchmarkIndex of this machine: {environment.get('benchmarkIndex')}")
(out / "summary.json").write_text(
    json.dumps(
        {"scores": summary, "homepage_total_byte_weight": weight,
         "failing_audits": [
             {"page": page, "category": name, "weight": w, "id": audit["id"],
              "title": audit["title"], "score": audit["score"],
              "displayValue": audit.get("displayValue")}
             for page, name, w, audit in failing
         ]},
        indent=2,
    )
)
print(f"Reports and summary.json in {out}")
PYTHON
