#!/usr/bin/env bash
# The time picker's throughput with 10,000 future bookings on PostgreSQL, against a minimal
# Django view on the same gunicorn server, paired as bench/throughput.sh pairs its pages (each
# page measured right after /bench/minimal/, median of ROUNDS rounds), with the home page and
# /consultation/ beside it. Goal: the picker at least 0.50 of the minimal view, p99 under 20 ms.
#
# A private PostgreSQL (initdb as the postgres user, port PG_PORT, its folder removed at the end;
# the shared server on 5432 is never touched) and gunicorn on PORT.
#   bench/picker.sh      (DURATION=4 ROUNDS=3 WORKERS=2 PORT=8771 PG_PORT=5571 BOOKINGS=10000)
# Exits 1 when the picker misses its goal. Results: bench/results/picker.txt
set -euo pipefail

cd "$(dirname "$0")/.."
DURATION=${DURATION:-4}
ROUNDS=${ROUNDS:-3}
PORT=${PORT:-8771}
PG_PORT=${PG_PORT:-5571}
BOOKINGS=${BOOKINGS:-10000}
OUT=bench/results/picker.txt
mkdir -p bench/results
. bench/packages.sh
need_packages wrk:wrk

PG_BIN=/usr/lib/postgresql/$(ls /usr/lib/postgresql | sort -n | tail -1)/bin
PG_DIR=$(mktemp -d -t ecla-picker-pg-XXXXXX)
chmod 755 "$PG_DIR"
as_postgres() { runuser -u postgres -- "$PG_BIN/$1" "${@:2}"; }
stop_postgres() {
  as_postgres pg_ctl -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
mkdir "$PG_DIR/data" && chown postgres "$PG_DIR/data"
as_postgres initdb -D "$PG_DIR/data" -U postgres --auth=trust >/dev/null
as_postgres pg_ctl -D "$PG_DIR/data" -l "$PG_DIR/data/server.log" -w \
  -o "-p $PG_PORT -k $PG_DIR/data -c listen_addresses=127.0.0.1" start >/dev/null
as_postgres createdb -h 127.0.0.1 -p "$PG_PORT" -U postgres site

export BENCH_MINIMAL_VIEW=true
. bench/serve-site.sh
. bench/paired.sh
trap 'stop_site; stop_postgres' EXIT
export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/site"
start_site
PICKER=$($PYTHON bench/booking_data.py --bookings "$BOOKINGS" | tail -1)
echo "filled: $PICKER"
PICKER=${PICKER##*; }

PAGES=("$PICKER" / /consultation/)
measure_paired "${PAGES[@]}"

failed=0
{
  printf 'PostgreSQL %s bookings; gunicorn %s workers, wrk -t2 -c16 -d%ss, gzip, median of %s rounds\n\n' \
    "$BOOKINGS" "$WORKERS" "$DURATION" "$ROUNDS"
  printf '%-28s %11s %9s %7s  %s\n' "url" "requests/s" "p99 ms" "ratio" "goal"
  for url in "$MINIMAL" "${PAGES[@]}"; do
    rate=${RATE[$url]} p99=${P99[$url]} ratio=${RATIO[$url]}
    verdict=""
    label=$url
    if [[ $url == "$PICKER" ]]; then
      label="time picker"
      verdict=ok
      if awk -v r="$ratio" -v p="$p99" 'BEGIN {exit !(r < 0.5 || p >= 20)}'; then
        verdict="BELOW 0.50x or p99 over 20 ms"
        failed=1
      fi
    fi
    printf '%-28s %11s %9s %7s  %s\n' "$label" "$rate" "$p99" "$ratio" "$verdict"
  done
} >"$OUT"
cat "$OUT"
exit "$failed"
