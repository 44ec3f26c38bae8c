#!/usr/bin/env bash
# Restore drill: PostgreSQL with pgBackRest (deploy/pgbackrest/) loses its data directory while
# patients send the form, and is restored to the latest point the archive reaches. Prints the
# RPO (seconds of acknowledged requests lost) and the RTO (seconds from the crash until the site
# stores a request again).
#
#   bench/restore-drill.sh        # ROWS=100000 requests in the database, TRAFFIC_SECONDS=45
#
# Every part is our own process, in bench/results/restore-drill/: a private PostgreSQL on port
# 5561 (initdb'd there; the shared one on 5432 is never touched), pgBackRest with its repository
# there, gunicorn with deploy/gunicorn.conf.py on 8761, one patient sending the form every 0.1 s.
# Each is stopped by its PID (PostgreSQL by its data directory) when the script exits.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/packages.sh
need_packages pgbackrest:pgbackrest curl:curl

PYTHON=$PWD/.venv/bin/python
PG_BIN=/usr/lib/postgresql/$(ls /usr/lib/postgresql | sort -n | tail -1)/bin
PG_PORT=5561 SITE_PORT=8761 STANZA=drill
ROWS=${ROWS:-100000} TRAFFIC_SECONDS=${TRAFFIC_SECONDS:-45}
DIR=$PWD/bench/results/restore-drill
GUNICORN_PID='' SENDER_PID=''

as_postgres() { runuser -u postgres -- "$@"; }
pg() { as_postgres "$PG_BIN/$1" "${@:2}"; }
backrest() { as_postgres pgbackrest --config="$DIR/pgbackrest.conf" --stanza=$STANZA "$@"; }
now() { date +%s.%N; }
seconds() { awk "BEGIN { printf \"%.1f\", $1 - $2 }"; }
start_postgres() { pg pg_ctl -D "$DIR/pg" -l "$DIR/log/postgres.log" -w -t 600 start >/dev/null; }
sql() { pg psql -h 127.0.0.1 -p $PG_PORT -U postgres -d ecla_bench -Atc "$1"; }

stop_all() {
  touch "$DIR/stop" 2>/dev/null || true
  if [[ -n $SENDER_PID ]]; then wait "$SENDER_PID" 2>/dev/null || true; fi
  if [[ -n $GUNICORN_PID ]]; then kill "$GUNICORN_PID" 2>/dev/null || true; fi
  if [[ -n $GUNICORN_PID ]]; then wait "$GUNICORN_PID" 2>/dev/null || true; fi
  if [[ -f $DIR/pg/postmaster.pid ]]; then pg pg_ctl -D "$DIR/pg" -m fast stop >/dev/null || true; fi
}
trap stop_all EXIT

if [[ -f $DIR/pg/postmaster.pid ]]; then pg pg_ctl -D "$DIR/pg" -m fast stop >/dev/null || true; fi
rm -rf "$DIR"
mkdir -p "$DIR"/{pg,repo,log,lock,spool}
chown -R postgres:postgres "$DIR"
chmod 700 "$DIR/pg"
cat >"$DIR/pgbackrest.conf" <<EOF
[global]
repo1-path=$DIR/repo
log-path=$DIR/log
lock-path=$DIR/lock
spool-path=$DIR/spool
repo1-retention-full=1
compress-type=zst
start-fast=y
log-level-console=warn

[$STANZA]
pg1-path=$DIR/pg
pg1-port=$PG_PORT
pg1-socket-path=$DIR
EOF

# The site's settings: its own database, the database cache, limits that one steady patient
# never reaches, and a retention longer than the filled rows' two years (the restore purges).
export DJANGO_SECRET_KEY="drill-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export DJANGO_DEBUG=false DJANGO_HTTPS=false DJANGO_ALLOWED_HOSTS=www.example.ae,127.0.0.1
export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/ecla_bench" REDIS_URL=''
export DJANGO_STATIC_ROOT="$DIR/static" BACKUP_DIR="$DIR/dbbackups" LOG_LEVEL=WARNING
export BACKUP_SIGNING_KEY="drill-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export ERASURE_LEDGER_KEY="drill-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export CONSULTATION_MIN_FILL_SECONDS=0 CONSULTATION_RATE_SOFT_LIMIT=100000
export CONSULTATION_RATE_HARD_LIMIT=100000 CONSULTATION_RETENTION_DAYS=3650 GUNICORN_BIND=127.0.0.1:$SITE_PORT GUNICORN_WORKERS=2

echo "== PostgreSQL on $PG_PORT, archiving with deploy/pgbackrest/postgresql-archiving.conf"
pg initdb -D "$DIR/pg" -U postgres --auth=trust >/dev/null
cat >>"$DIR/pg/postgresql.conf" <<EOF
include '$PWD/deploy/pgbackrest/postgresql-archiving.conf'
archive_command = 'pgbackrest --config=$DIR/pgbackrest.conf --stanza=$STANZA archive-push %p'
port = $PG_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$DIR'
EOF
start_postgres
ARCHIVE_TIMEOUT=$(pg psql -h 127.0.0.1 -p $PG_PORT -U postgres -Atc "SHOW archive_timeout")

echo "== $ROWS requests with their histories (bench/scale_data.py)"
$PYTHON bench/restore_drill.py fill "$DATABASE_URL" "$ROWS"
$PYTHON manage.py collectstatic --no-input -v 0

echo "== pgBackRest: stanza, full backup"
backrest stanza-create
started=$(now)
backrest --type=full backup
echo "full backup: $(seconds "$(now)" "$started") s, repository $(du -sh "$DIR/repo" | cut -f1)"
repo_before=$(du -sk "$DIR/repo" | cut -f1)
archived_before=$(sql "SELECT archived_count FROM pg_stat_archiver")

echo "== the site on $SITE_PORT; a patient every 0.1 s for $TRAFFIC_SECONDS s"
$PYTHON -m gunicorn -c deploy/gunicorn.conf.py clinic_site.wsgi 2>"$DIR/log/gunicorn.log" &
GUNICORN_PID=$!
for _ in $(seq 100); do
  curl -fs -o /dev/null -H "Host: www.example.ae" "http://127.0.0.1:$SITE_PORT/healthz" && break
  sleep 0.2
done
$PYTHON bench/restore_drill.py send "http://127.0.0.1:$SITE_PORT" "$DIR/sent.jsonl" "$DIR/stop" &
SENDER_PID=$!
sleep "$TRAFFIC_SECONDS"

echo "== the disk is lost: PostgreSQL killed, its data directory deleted"
since_archived=$(sql "SELECT round(extract(epoch FROM now() - last_archived_time)::numeric, 1) FROM pg_stat_archiver")
archived=$(($(sql "SELECT archived_count FROM pg_stat_archiver") - archived_before))
echo "WAL segments archived during the traffic: $archived, the repository grew by $(($(du -sk "$DIR/repo" | cut -f1) - repo_before)) KB"
pg pg_ctl -D "$DIR/pg" -m immediate stop >/dev/null
crash=$(now)
sent_at_crash=$(wc -l <"$DIR/sent.jsonl")
rm -rf "$DIR/pg"

echo "== restored by pgBackRest to the end of the archive, then after_restore"
mkdir "$DIR/pg" && chown postgres:postgres "$DIR/pg" && chmod 700 "$DIR/pg"
backrest restore
restored=$(now)
start_postgres
postgres_up=$(now)
$PYTHON manage.py after_restore
after_restore_done=$(now)
echo "pgBackRest restore: $(seconds "$restored" "$crash") s;" \
  "PostgreSQL replayed the WAL and took connections: $(seconds "$postgres_up" "$restored") s;" \
  "after_restore: $(seconds "$after_restore_done" "$postgres_up") s"

# The patient keeps sending until a request is stored again, and a few seconds more.
until tail -n "+$((sent_at_crash + 1))" "$DIR/sent.jsonl" | grep -q '"status": 302'; do sleep 0.2; done
sleep 3
touch "$DIR/stop"
wait "$SENDER_PID"
SENDER_PID=''

cat >"$DIR/times.json" <<EOF
{"crash": $crash, "postgres_up": $postgres_up, "after_restore_done": $after_restore_done,
 "archive_timeout": "$ARCHIVE_TIMEOUT", "last_segment_archived_before_crash": $since_archived,
 "segments_archived_during_traffic": $archived}
EOF
echo "== figures (bench/results/restore-drill.json)"
$PYTHON bench/restore_drill.py report "$DATABASE_URL" "$DIR/sent.jsonl" "$DIR/times.json"

echo "== the same database with django-dbbackup: a nightly backup, then restore_backup"
started=$(now)
$PYTHON manage.py dbbackup --compress --quiet
backed_up=$(now)
kill "$GUNICORN_PID" && wait "$GUNICORN_PID" 2>/dev/null || true
GUNICORN_PID=''
$PYTHON manage.py restore_backup --noinput | tail -n 1
restored=$(now)
echo "dbbackup --compress: $(seconds "$backed_up" "$started") s" \
  "($(du -sh "$DIR/dbbackups" | cut -f1)); restore_backup: $(seconds "$restored" "$backed_up") s"
