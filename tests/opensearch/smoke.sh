#!/usr/bin/env bash
# Smoke-check a running node: version, health, cjk analysis, match_phrase, highlighting.
#   ./smoke.sh [BASE_URL]   (default http://127.0.0.1:${OPENSEARCH_PORT:-9200})
set -euo pipefail
base="${1:-http://127.0.0.1:${OPENSEARCH_PORT:-9200}}"
idx="smoke-$$"
j=(-sS -H 'Content-Type: application/json')
fail() { echo "FAIL: $*" >&2; curl -sS -XDELETE "$base/$idx" >/dev/null || true; exit 1; }
check() { grep -q -- "$2" <<<"$3" || fail "$1: expected '$2' in: $3"; echo "ok - $1"; }

check "version"  '"number" : "2.19.6"' "$(curl "${j[@]}" "$base/")"
check "health"   '"status":"\(green\|yellow\)"' "$(curl "${j[@]}" "$base/_cluster/health")"
check "create index" '"acknowledged":true' "$(curl "${j[@]}" -XPUT "$base/$idx" -d '{
  "settings": {"analysis": {"analyzer": {"zh_bigram": {"type": "custom", "tokenizer": "standard",
      "filter": ["cjk_width", "lowercase", "cjk_bigram"]}}}},
  "mappings": {"properties": {"title": {"type": "text", "analyzer": "cjk"},
                              "body":  {"type": "text", "analyzer": "zh_bigram"}}}}')"
out="$(curl "${j[@]}" -XPOST "$base/$idx/_analyze" -d '{"analyzer": "zh_bigram", "text": "政府信息公开工作年度报告"}')"
for t in 政府 府信 信息 公开 报告; do check "bigram $t" "\"token\":\"$t\"" "$out"; done
check "cjk analyzer" '"token":"公开"' "$(curl "${j[@]}" -XPOST "$base/$idx/_analyze" -d '{"analyzer": "cjk", "text": "政府信息公开"}')"
check "index doc" '"result":"created"' "$(curl "${j[@]}" -XPUT "$base/$idx/_doc/1" -d '{"title": "政府信息公开工作年度报告", "body": "依据《政府信息公开条例》编制"}')"
check "refresh" '"failed":0' "$(curl "${j[@]}" -XPOST "$base/$idx/_refresh")"
check "match_phrase" '"value":1' "$(curl "${j[@]}" "$base/$idx/_search" -d '{"query": {"match_phrase": {"body": "公开"}}}')"
check "highlight" '<em>' "$(curl "${j[@]}" "$base/$idx/_search" -d '{"query": {"bool": {"must": [{"multi_match": {"query": "信息公开", "fields": ["title^2", "body"]}}]}}, "highlight": {"fields": {"title": {}, "body": {}}}}')"
check "green index" '"status":"green"' "$(curl "${j[@]}" "$base/_cluster/health/$idx?wait_for_status=green&timeout=10s")"
curl -sS -XDELETE "$base/$idx" >/dev/null
echo "smoke: all checks passed"
