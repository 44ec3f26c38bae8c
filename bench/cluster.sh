#!/usr/bin/env bash
# Several hosts, one site, surviving faults (issue 8). Starts a private PostgreSQL (port 5541)
# and Redis (6441), two gunicorn hosts (deploy/gunicorn.conf.py, ports 8641 and 8642) and nginx
# (Debian's nginx-light, the repo's deploy/nginx/ include files, port 8640) as the load balancer,
# then shows:
#   - one site: a request through one host is in the other's admin, a staff session started on
#     one works on the other, the rate limit and the double-click guard count across both;
#   - bursts of 200 patients (each from an address of their own, sends spread over 6 s): with no
#     fault, with host b SIGKILLed mid-burst (then restarted), with PostgreSQL crashed and
#     restarted mid-burst, with Redis killed mid-burst (then restarted), with PostgreSQL stopped
#     for 30 s, with host b SIGKILLed while holding requests in a PostgreSQL outage (both back
#     after 20 s), and with PostgreSQL and Redis stopped together for 10 s;
# and prints a table per burst: sent, answered 302, stored, duplicates, errors shown (a page
# with the clinic's phone), other answers, and 302s not stored. Exits 1 when a 302 was not
# stored exactly once, a request was stored twice or a patient got a page without the phone.
#
# Run as root from the project folder (PostgreSQL runs as the postgres user):  bench/cluster.sh
# KEEP_WORK=1 keeps the logs. Results: bench/results/cluster.txt and cluster.jsonl
set -euo pipefail

cd "$(dirname "$0")/.."
. bench/packages.sh
need_packages nginx:nginx-light redis-server:redis-server redis-cli:redis-tools curl:curl
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need_packages initdb:postgresql
. bench/cluster-parts.sh
CLIENT="$PYTHON bench/cluster_client.py"
A=8641 B=8642
mkdir -p bench/results
rm -f bench/results/cluster.jsonl

echo "Starting PostgreSQL :$PG_PORT, Redis :$REDIS_PORT, hosts a :$A and b :$B, nginx :$NGINX_PORT"
start_postgres
start_redis
prepare_site
start_host a $A
start_host b $B
start_nginx

echo "One site on two hosts:"
$CLIENT shared $A $B

burst() {  # name digit [fault recovery]: the fault runs once 40 patients have their answer
  local name=$1 digit=$2 fault=${3:-} recovery=${4:-} driver
  rm -f "$WORK/fault-now" "$WORK/back"
  if [[ -z $fault ]]; then
    $CLIENT burst "$name" "$digit" "$NGINX_PORT" >/dev/null
    return
  fi
  $CLIENT burst "$name" "$digit" "$NGINX_PORT" --signal "$WORK/fault-now" --back "$WORK/back" \
    >/dev/null &
  driver=$!
  until [[ -f $WORK/fault-now ]]; do sleep 0.02; done
  $fault
  echo "  $name: $fault at $(date +%T.%3N)"
  $recovery
  date +%s.%N >"$WORK/back"
  echo "  $name: $recovery done at $(date +%T.%3N)"
  wait "$driver"
}

restart_host_b() { sleep 2; start_host b $B; }
restart_postgres() { sleep 2; start_postgres; }
restart_redis() { sleep 3; start_redis; }
# The outages a managed database has: a restart or failover of 30 s, a host lost meanwhile.
restart_postgres_after_30s() { sleep 30; start_postgres; }
kill_postgres_and_redis() { crash_postgres; kill_redis; }
restart_both_after_10s() { sleep 10; start_postgres; start_redis; }
crash_postgres_then_kill_host_b() { crash_postgres; sleep 3; kill_host b; }
restart_postgres_then_host_b() { sleep 20; start_postgres; start_host b $B; }

echo "Bursts of 200 submissions:"
burst "no fault" 1
burst "host b SIGKILLed" 2 "kill_host b" restart_host_b
burst "PostgreSQL restarted" 3 crash_postgres restart_postgres
burst "Redis killed" 4 kill_redis restart_redis
burst "PostgreSQL stopped 30 s" 5 crash_postgres restart_postgres_after_30s
burst "host b SIGKILLed holding requests" 6 crash_postgres_then_kill_host_b \
  restart_postgres_then_host_b
burst "PostgreSQL and Redis stopped 10 s" 7 kill_postgres_and_redis restart_both_after_10s

echo "Redis outage in the hosts' logs (once a minute per worker and message, not per request):"
for log in "$WORK"/host-*.log; do
  printf '  %s: %s "Rate limit store unavailable" lines, %s "Duplicate-submission store unavailable"\n' \
    "$(basename "$log" .log)" "$(grep -c 'Rate limit store unavailable' "$log" || true)" \
    "$(grep -c 'Duplicate-submission store unavailable' "$log" || true)"
done
echo "After Redis came back:"
$CLIENT limit "$NGINX_PORT"

echo
$CLIENT table | tee bench/results/cluster.txt
