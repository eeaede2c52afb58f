#!/usr/bin/env bash
# Start or stop the single-node OpenSearch 2.19.6 the search-engine tests use (tests/opensearch/,
# built from Maven Central with mvn on first use). `start` prints the variable to export.
#   tests/opensearch.sh start | stop
set -euo pipefail

DIR=${GONGKAI_SERVICES_DIR:-/tmp/gongkai-services}/opensearch
PORT=${GONGKAI_OPENSEARCH_PORT:-9250}
HERE="$(cd "$(dirname "$0")" && pwd)/opensearch"

stop() {
  if [ -f "$DIR/pid" ]; then
    pid=$(cat "$DIR/pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  fi
  rm -rf "$DIR"
}

start() {
  stop
  mkdir -p "$DIR"
  if [ ! -d "$HERE/target/lib" ]; then
    echo "Building the OpenSearch test node (mvn, first time only)" >&2
    (cd "$HERE" && mvn -q -B package -DskipTests) >&2
  fi
  OPENSEARCH_PORT=$PORT "$HERE/run.sh" >"$DIR/node.log" 2>&1 &
  echo $! >"$DIR/pid"
  for _ in $(seq 120); do
    grep -q "OpenSearch ready on" "$DIR/node.log" && break
    kill -0 "$(cat "$DIR/pid")" 2>/dev/null || { cat "$DIR/node.log" >&2; exit 1; }
    sleep 0.5
  done
  grep -q "OpenSearch ready on" "$DIR/node.log" || { echo "OpenSearch did not start" >&2; exit 1; }
  echo "OpenSearch on 127.0.0.1:$PORT" >&2
  echo "export TEST_OPENSEARCH_URL=http://127.0.0.1:$PORT"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
