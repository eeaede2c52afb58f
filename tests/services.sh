#!/usr/bin/env bash
# Start or stop the servers the integration suites use, on 127.0.0.1 with fresh data:
# PostgreSQL and Redis from Debian's packages. `start` prints the variables to export.
#   tests/services.sh start | stop | env
set -euo pipefail

DIR=${GONGKAI_SERVICES_DIR:-/tmp/gongkai-services}
PG_PORT=${GONGKAI_PG_PORT:-54329}
REDIS_PORT=${GONGKAI_REDIS_PORT:-63799}
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

print_env() {
  echo "export DATABASE_URL=postgres://postgres@127.0.0.1:${PG_PORT}/gongkai"
  echo "export REDIS_URL=redis://127.0.0.1:${REDIS_PORT}/0"
  echo "export CELERY_BROKER_URL=redis://127.0.0.1:${REDIS_PORT}/0"
  echo "export CACHE_URL=redis://127.0.0.1:${REDIS_PORT}/1"
}

start_postgres() {
  [ -n "$PG_BIN" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
  mkdir -p "$DIR"
  rm -rf "$DIR/pg"
  install -d -o "$( [ "$(id -u)" = 0 ] && echo postgres || id -un)" "$DIR/pg"
  as_postgres "$PG_BIN/initdb" -D "$DIR/pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_postgres "$PG_BIN/pg_ctl" -D "$DIR/pg/data" -l "$DIR/pg/server.log" -w \
    -o "-p $PG_PORT -k $DIR/pg -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres gongkai
  echo "PostgreSQL on 127.0.0.1:$PG_PORT" >&2
}

start_redis() {
  command -v redis-server >/dev/null || { echo "Redis is not installed (apt-get install redis-server)" >&2; exit 1; }
  mkdir -p "$DIR/redis"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --dir "$DIR/redis" \
    --pidfile "$DIR/redis/redis.pid" --logfile "$DIR/redis/redis.log" --save '' --appendonly no
  for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
  echo "Redis on 127.0.0.1:$REDIS_PORT" >&2
}

stop_all() {
  if [ -f "$DIR/pg/data/postmaster.pid" ]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$DIR/pg/data" -m fast -w stop >/dev/null || true
  fi
  if [ -f "$DIR/redis/redis.pid" ]; then
    redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || kill "$(cat "$DIR/redis/redis.pid")" 2>/dev/null || true
  fi
  # Only our own folders: the OpenSearch node keeps its pid file beside them.
  rm -rf "$DIR/pg" "$DIR/redis"
}

case "${1:-}" in
  start) stop_all; start_postgres; start_redis; print_env ;;
  stop) stop_all ;;
  env) print_env ;;
  *) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
esac
