# Sourced by bench/cluster.sh: a small production on this machine, every part started as our
# own process and stopped by its PID when the script exits. A private PostgreSQL and Redis (so
# they can be broken on purpose; the shared 5432/6379 servers are never touched), gunicorn
# hosts with deploy/gunicorn.conf.py, and nginx in front with the repo's include files.
#
#   . bench/cluster-parts.sh; start_postgres; start_redis; start_host a 8641; start_nginx

PYTHON=.venv/bin/python
PG_BIN=/usr/lib/postgresql/$(ls /usr/lib/postgresql | sort -n | tail -1)/bin
PG_PORT=${PG_PORT:-5541}
REDIS_PORT=${REDIS_PORT:-6441}
NGINX_PORT=${NGINX_PORT:-8640}
SITE_HOST=www.example.ae
WORK=$(mktemp -d -t ecla-cluster-XXXXXX)
chmod 755 "$WORK"  # PostgreSQL runs as postgres and nginx's workers as nobody
declare -A HOST_PID HOST_PORT

# What every host must share (docs/operations.md, "Several hosts"): the same secret key, database,
# cache, host names and proxy count.
export DJANGO_SECRET_KEY="cluster-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export DJANGO_DEBUG=false DJANGO_HTTPS=false DJANGO_ALLOWED_HOSTS=$SITE_HOST
export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/site"
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
export TRUSTED_PROXY_COUNT=1 DJANGO_STATIC_ROOT="$WORK/static" LOG_LEVEL=WARNING
export CLINIC_PHONE="+971 4 123 4567" CLINIC_WHATSAPP="+971 50 123 4567"
export GUNICORN_WORKERS=${WORKERS:-2}

as_postgres() { runuser -u postgres -- "$PG_BIN/$1" "${@:2}"; }

start_postgres() {
  if [[ ! -d $WORK/pg ]]; then
    mkdir "$WORK/pg" && chown postgres "$WORK/pg"
    as_postgres initdb -D "$WORK/pg" -U postgres --auth=trust >/dev/null
    PG_NEW=1
  fi
  as_postgres pg_ctl -D "$WORK/pg" -l "$WORK/pg/server.log" -w \
    -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1" start >/dev/null
  if [[ ${PG_NEW:-} == 1 ]]; then
    as_postgres createdb -h 127.0.0.1 -p "$PG_PORT" -U postgres site
    PG_NEW=0
  fi
}

crash_postgres() { as_postgres pg_ctl -D "$WORK/pg" -m immediate -w stop >/dev/null; }

start_redis() {
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --pidfile "$WORK/redis.pid" --logfile "$WORK/redis.log"
  until redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; do sleep 0.1; done
}

kill_redis() {
  kill -KILL "$(cat "$WORK/redis.pid")"
  rm -f "$WORK/redis.pid"
}

prepare_site() {  # once, before the first host: the schema and the static files
  $PYTHON manage.py migrate --no-input -v 0
  $PYTHON manage.py collectstatic --no-input -v 0
}

start_host() {  # name port: gunicorn in its own process group, so a kill takes all its workers
  HOST_PORT[$1]=$2
  # Each host holds requests on its own disk while the database is away.
  GUNICORN_BIND=127.0.0.1:$2 HELD_REQUESTS_DIR=$WORK/held-$1 setsid $PYTHON -m gunicorn \
    -c deploy/gunicorn.conf.py clinic_site.wsgi 2>>"$WORK/host-$1.log" &
  HOST_PID[$1]=$!
  for _ in $(seq 150); do
    curl -fs -o /dev/null -H "Host: $SITE_HOST" "http://127.0.0.1:$2/healthz" && return 0
    sleep 0.2
  done
  echo "host $1 did not start; see $WORK/host-$1.log" >&2
  return 1
}

kill_host() {  # name: SIGKILL to the master and every worker at once, like a host losing power
  kill -KILL -- "-${HOST_PID[$1]}"
  wait "${HOST_PID[$1]}" 2>/dev/null || true
  HOST_PID[$1]=
}

start_nginx() {  # the load balancer in front of every started host
  local dir=$WORK/nginx upstreams="" name
  mkdir -p "$dir/pages" && chmod 755 "$dir" "$dir/pages"
  $PYTHON manage.py nginx_error_page >"$dir/pages/try-again.html"
  for name in "${!HOST_PORT[@]}"; do upstreams+="        server 127.0.0.1:${HOST_PORT[$name]};"$'\n'; done
  # Only what must differ from deploy/nginx/ecla-clinic.conf: ports, paths, no TLS.
  cat >"$dir/nginx.conf" <<CONF
pid $dir/nginx.pid;
error_log $dir/error.log;
events { worker_connections 1024; }
http {
    client_body_temp_path $dir/client_body; proxy_temp_path $dir/proxy;
    fastcgi_temp_path $dir/fastcgi; uwsgi_temp_path $dir/uwsgi; scgi_temp_path $dir/scgi;
    include $PWD/deploy/nginx/log-format.conf;
    access_log $dir/access.log ecla_json;
    upstream ecla_clinic {
$upstreams        keepalive 16;
    }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        server_name $SITE_HOST;
        server_tokens off;
        client_max_body_size 1m;
        error_page 502 503 504 /try-again.html;
        location = /try-again.html {
            root $dir/pages;
            internal;
        }
        proxy_next_upstream error timeout;
        proxy_next_upstream_tries 2;
        location ~ ^(/ar)?/consultation/\$ {
            include $PWD/deploy/nginx/proxy.conf;
            proxy_next_upstream error timeout non_idempotent;
            proxy_pass http://ecla_clinic;
        }
        location / {
            include $PWD/deploy/nginx/proxy.conf;
            proxy_pass http://ecla_clinic;
        }
    }
}
CONF
  /usr/sbin/nginx -c "$dir/nginx.conf" -p "$dir" -e "$dir/error.log"
}

stop_cluster() {
  local name
  [[ -f $WORK/nginx/nginx.pid ]] && kill -QUIT "$(cat "$WORK/nginx/nginx.pid")"
  for name in "${!HOST_PID[@]}"; do
    [[ -n ${HOST_PID[$name]} ]] && kill -TERM "${HOST_PID[$name]}" 2>/dev/null
  done
  for name in "${!HOST_PID[@]}"; do
    [[ -n ${HOST_PID[$name]} ]] && wait "${HOST_PID[$name]}" 2>/dev/null
  done
  [[ -f $WORK/redis.pid ]] && kill -TERM "$(cat "$WORK/redis.pid")"
  [[ -f $WORK/pg/postmaster.pid ]] && as_postgres pg_ctl -D "$WORK/pg" -m fast -w stop >/dev/null
  sleep 0.5
  if [[ -n ${KEEP_WORK:-} ]]; then echo "logs kept in $WORK"; else rm -rf "$WORK"; fi
}
trap stop_cluster EXIT
