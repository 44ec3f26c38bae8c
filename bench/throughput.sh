#!/usr/bin/env bash
# Throughput of every page against a minimal Django view, on the same gunicorn server.
#
# The minimal view is /bench/minimal/, an HttpResponse("ok") behind the same middleware, routed
# only while benchmarking (BENCH_MINIMAL_VIEW=true). Goals: each content page at least 0.80 of
# its requests/s, the two pages that carry the consultation form (/ and /consultation/) at least
# 0.50 with a p99 under 20 ms. A static file (WhiteNoise) and /robots.txt are shown for scale.
# Each URL gets the same wrk runs (2 threads, 16 connections, DURATION seconds, Accept-Encoding:
# gzip like a browser) after a short warm-up, each page right after the minimal view, in ROUNDS
# rounds on one server; each figure (and each ratio to the minimal view measured just before the
# page) is the median of its rounds. wrk shares the 2 cores with the server: compare the
# ratios of one run, not absolute numbers, and run it while nothing else is busy (uptime).
#
# Run from the project folder:  bench/throughput.sh   (DURATION=4 ROUNDS=3 WORKERS=2 PORT=8766)
# Exits 1 when a page misses its goal. Results: bench/results/throughput.txt
set -euo pipefail

cd "$(dirname "$0")/.."
DURATION=${DURATION:-4}
ROUNDS=${ROUNDS:-3}
WORKERS=${WORKERS:-2}
PORT=${PORT:-8766}
OUT=bench/results/throughput.txt
mkdir -p bench/results
. bench/packages.sh
need_packages wrk:wrk

export BENCH_MINIMAL_VIEW=true
. bench/serve-site.sh
. bench/paired.sh
start_site
CSS=$($PYTHON manage.py shell -c "from django.templatetags.static import static; print(static('css/site.css'))" 2>/dev/null | tail -1)

CONTENT=(/hair-loss/ /exosome-therapy/ /treatments-compared/ /procedure/ /cost-and-safety/
  /faq/ /contact/ /privacy/)
FORMS=(/ /consultation/)
PAGES=("${CONTENT[@]}" "${FORMS[@]}" /robots.txt "$CSS")
measure_paired "${PAGES[@]}"

failed=0
row() {  # url, goal ratio or "-", p99 goal in ms or "-"
  local url=$1 label=$1 verdict=""
  local ratio=${RATIO[$url]}
  [[ $url == "$CSS" ]] && label="static css (WhiteNoise)"
  if [[ $2 != - ]]; then
    verdict="ok"
    if awk -v r="$ratio" -v g="$2" 'BEGIN {exit !(r < g)}'; then verdict="BELOW ${2}x"; fi
    if [[ $3 != - ]] && awk -v p="${P99[$url]}" -v g="$3" 'BEGIN {exit !(p >= g)}'; then
      verdict="${verdict/#ok/}"
      verdict="${verdict:+$verdict, }p99 over ${3} ms"
    fi
    [[ $verdict == ok ]] || failed=1
  fi
  printf '%-28s %11s %9s %7s  %s\n' "$label" "${RATE[$url]}" "${P99[$url]}" "$ratio" "$verdict"
}

report() {
  printf 'gunicorn %s workers, wrk -t2 -c16 -d%ss --latency, Accept-Encoding: gzip, median of %s rounds\n\n' \
    "$WORKERS" "$DURATION" "$ROUNDS"
  printf '%-28s %11s %9s %7s  %s\n' "url" "requests/s" "p99 ms" "ratio" "goal"
  row "$MINIMAL" - -
  for url in "${CONTENT[@]}"; do row "$url" 0.80 -; done
  for url in "${FORMS[@]}"; do row "$url" 0.50 20; done
  row /robots.txt - -
  row "$CSS" - -
  echo
  echo "ratio: requests/s against the minimal view (HttpResponse(\"ok\") behind the same middleware)
measured just before the page, median of the rounds."
  echo "Goals: content pages >= 0.80; / and /consultation/ >= 0.50 with p99 under 20 ms."
  if [[ $failed == 0 ]]; then echo "Every page meets its goal."; else echo "A page is below its goal."; fi
}
report >"$OUT"
cat "$OUT"
exit "$failed"
