# Sourced by the bench scripts: serves the site with gunicorn and production-like settings
# (debug off, WhiteNoise, collected static files, plain HTTP on 127.0.0.1) on a throwaway SQLite
# database, and stops it and removes its files when the script exits.
#
#   PORT=8766 WORKERS=2 . bench/serve-site.sh && start_site    # then use $BASE
# REDIS_URL, if set, is used as the cache; otherwise the database cache.

PYTHON=.venv/bin/python
WORKERS=${WORKERS:-2}
if [[ -z ${PORT:-} ]]; then
  PORT=$($PYTHON -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
fi
BASE=http://127.0.0.1:$PORT
WORK=$(mktemp -d -t ecla-bench-XXXXXX)
GUNICORN_PID=

stop_site() {
  if [[ -n $GUNICORN_PID ]] && kill -0 "$GUNICORN_PID" 2>/dev/null; then
    kill "$GUNICORN_PID"
    wait "$GUNICORN_PID" 2>/dev/null || true
  fi
  GUNICORN_PID=
  rm -rf "$WORK"
}
trap stop_site EXIT

export DJANGO_SECRET_KEY="bench-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export DJANGO_DEBUG=false DJANGO_HTTPS=false DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost
export DATABASE_URL="sqlite:///$WORK/db.sqlite3" DJANGO_STATIC_ROOT="$WORK/static"
export LOG_LEVEL=WARNING

start_site() {
  $PYTHON manage.py migrate --no-input -v 0
  $PYTHON manage.py collectstatic --no-input -v 0
  $PYTHON -m gunicorn clinic_site.wsgi --bind "127.0.0.1:$PORT" --workers "$WORKERS" \
    --log-level warning --no-control-socket &
  GUNICORN_PID=$!
  for _ in $(seq 100); do
    curl -fs -o /dev/null "$BASE/healthz" && return 0
    kill -0 "$GUNICORN_PID" 2>/dev/null || break
    sleep 0.2
  done
  echo "gunicorn did not start" >&2
  exit 1
}
