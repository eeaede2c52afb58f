#!/usr/bin/env bash
# Start the embedded single-node OpenSearch 2.19.6 used by Gongkai's search tests.
#
#   ./run.sh [--port N] [--data DIR] [--cluster-name NAME]
#
# Environment: OPENSEARCH_PORT (default 9200), OPENSEARCH_DATA_DIR (default: fresh temp
# dir, deleted on exit), OPENSEARCH_CLUSTER_NAME, OPENSEARCH_HEAP (default 512m),
# JAVA (default: java on PATH).
# Runs in the foreground; stop with SIGTERM / Ctrl-C. Ready when it prints
# "OpenSearch ready on http://127.0.0.1:PORT".
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

if [[ ! -d target/lib || ! -d target/classes/org ]]; then
    echo "run.sh: building (mvn package) ..." >&2
    mvn -q -B package -DskipTests >&2
fi

heap="${OPENSEARCH_HEAP:-512m}"

exec "${JAVA:-java}" \
    -Xms256m -Xmx"$heap" \
    -XX:+UseSerialGC -Xss1m \
    -XX:+ExitOnOutOfMemoryError \
    -Dfile.encoding=UTF-8 -Djava.awt.headless=true \
    -Dio.netty.noUnsafe=true -Dio.netty.noKeySetOptimization=true \
    -Dio.netty.recycler.maxCapacityPerThread=0 \
    -Dlog4j.shutdownHookEnabled=false -Dlog4j2.disable.jmx=true \
    -Djna.nosys=true \
    -cp "target/classes:target/lib/*" \
    org.gongkai.testsearch.EmbeddedOpenSearch "$@"
