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
start_site
CSS=$($PYTHON manage.py shell -c "from django.templatetags.static import static; print(static('css/site.css'))" 2>/dev/null | tail -1)

measure() {  # prints "requests/s p99-in-ms"; fails if any response was not 2xx/3xx
  local result
  result=$(wrk -t2 -c16 -d"$2" --latency -H "Accept-Encoding: gzip" "$BASE$1")
  if grep -q "Non-2xx or 3xx" <<<"$result"; then
    echo "error responses from $1:" >&2
    echo "$result" >&2
    exit 1
  fi
  awk '/Requests\/sec/ {rate = $2}
       $1 == "99%" {p = $2; unit = p; gsub(/[0-9.]/, "", unit); sub(/[a-z]+$/, "", p)
                    p99 = unit == "us" ? p / 1000 : unit == "s" ? p * 1000 : p}
       END {printf "%s %.1f\n", rate, p99}' <<<"$result"
}

MINIMAL=/bench/minimal/
CONTENT=(/hair-loss/ /exosome-therapy/ /treatments-compared/ /procedure/ /cost-and-safety/
  /faq/ /contact/ /privacy/)
FORMS=(/ /consultation/)
PAGES=("${CONTENT[@]}" "${FORMS[@]}" /robots.txt "$CSS")
median() { tr ' ' '\n' | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
declare -A RATES P99S RATIOS RATE P99 RATIO
for url in "$MINIMAL" "${PAGES[@]}"; do measure "$url" 2s >/dev/null; done  # warm-up, discarded
# Each page is measured right after the minimal view, and its ratio is to that measurement; each
# figure is the median of ROUNDS rounds. Load from another process on the machine then skews a
# pair, not one side of every ratio.
for _ in $(seq "$ROUNDS"); do
  for url in "${PAGES[@]}"; do
    read -r base base_p99 < <(measure "$MINIMAL" "${DURATION}s")
    read -r rate p99 < <(measure "$url" "${DURATION}s")
    RATES[$MINIMAL]+="$base "
    P99S[$MINIMAL]+="$base_p99 "
    RATES[$url]+="$rate "
    P99S[$url]+="$p99 "
    RATIOS[$url]+="$(awk -v a="$rate" -v b="$base" 'BEGIN {printf "%.2f", a / b}') "
  done
done
for url in "$MINIMAL" "${PAGES[@]}"; do
  RATE[$url]=$(median <<<"${RATES[$url]% }")
  P99[$url]=$(median <<<"${P99S[$url]% }")
  RATIO[$url]=$(median <<<"${RATIOS[$url]:-1.00}")
done

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
