#!/usr/bin/env bash
# Milliseconds from launching the test server's JVM to its first answered initialize (the reply
# must be the initialize result: a JSON-RPC error stops the script with exit 1).
# usage: startup-time.sh <java> [extra JVM options...]   (prints one number; run it a few times)
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA=$1; shift
PORT=${STARTUP_PORT:-39262}
INIT='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}'
start=$(date +%s%N)
"$JAVA" "$@" -cp jamf-mcp-benchmarks/target/benchmarks.jar \
  dev.jamfmcp.examples.conformance.ConformanceServer "$PORT" >/tmp/startup-time.log 2>&1 &
pid=$!
answered=""
for _ in $(seq 1 6000); do
  reply=$(curl -s "http://127.0.0.1:$PORT/mcp" -H 'Content-Type: application/json' \
    -H 'Accept: application/json, text/event-stream' -d "$INIT" || true)
  # answered means the initialize result; a JSON-RPC error is a failure, not a start-up time
  if grep -q '"error" *:' <<<"$reply"; then
    echo "initialize failed: $reply" >&2; kill "$pid"; exit 1
  fi
  grep -q '"result" *:' <<<"$reply" && { answered=$(date +%s%N); break; }
  kill -0 "$pid" 2>/dev/null || { echo "server exited: see /tmp/startup-time.log" >&2; exit 1; }
  sleep 0.005
done
[ -n "$answered" ] || { echo "no initialize result in 30 s" >&2; kill "$pid"; exit 1; }
echo $(( (answered - start) / 1000000 ))
kill "$pid"; wait "$pid" 2>/dev/null || true
