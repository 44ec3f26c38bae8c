#!/usr/bin/env bash
# Throughput of content pages against a minimal Django view, on the same gunicorn server.
#
# DESIGN's bar: a content page's throughput is within 20% of a minimal Django view's. The
# minimal view is /robots.txt: the full middleware stack and a three-line template, no database.
# A static file (WhiteNoise) is measured too, as the ceiling of the stack. Each URL gets the same
# wrk run (2 threads, 16 connections, DURATION seconds, Accept-Encoding: gzip like a browser),
# one after another on one server, and the script prints requests/s and each page's ratio to the
# minimal view. wrk shares the 2 cores with the server: compare the ratios, not absolute numbers.
#
# Run from the project folder:  bench/throughput.sh        (DURATION=20 WORKERS=2 PORT=8766)
# Needs wrk (apt-get install wrk). Results: bench/results/throughput.txt
set -euo pipefail

cd "$(dirname "$0")/.."
DURATION=${DURATION:-10}
WORKERS=${WORKERS:-2}
PORT=${PORT:-8766}
OUT=bench/results/throughput.txt
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

. bench/serve-site.sh
start_site
CSS=$($PYTHON manage.py shell -c "from django.templatetags.static import static; print(static('css/site.css'))" 2>/dev/null | tail -1)

measure() {  # prints requests/s; fails if any response was not 2xx/3xx
  local result
  result=$(wrk -t2 -c16 -d"${DURATION}s" -H "Accept-Encoding: gzip" "$BASE$1")
  if grep -q "Non-2xx or 3xx" <<<"$result"; then
    echo "error responses from $1:" >&2
    echo "$result" >&2
    exit 1
  fi
  awk '/Requests\/sec/ {print $2}' <<<"$result"
}

declare -A RATE
URLS=(/robots.txt /faq/ /exosome-therapy/ /treatments-compared/ / "$CSS")
for url in "${URLS[@]}"; do
  measure "$url" >/dev/null  # warm-up, discarded
  RATE[$url]=$(measure "$url")
done

{
  printf 'gunicorn %s workers, wrk -t2 -c16 -d%ss, Accept-Encoding: gzip\n\n' "$WORKERS" "$DURATION"
  printf '%-28s %12s %18s\n' "url" "requests/s" "vs minimal view"
  for url in "${URLS[@]}"; do
    ratio=$(awk -v a="${RATE[$url]}" -v b="${RATE[/robots.txt]}" 'BEGIN {printf "%.2f", a / b}')
    label=$url
    [[ $url == "$CSS" ]] && label="static css (WhiteNoise)"
    printf '%-28s %12s %18s\n' "$label" "${RATE[$url]}" "$ratio"
  done
  echo
  echo "Goal: each content page >= 0.80 of the minimal view (/robots.txt)."
} | tee "$OUT"
