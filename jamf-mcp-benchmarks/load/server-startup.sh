#!/usr/bin/env bash
# Start-up of the packaged server: launches `java [JVM options] -jar jamf-mcp-server.jar --demo`,
# polls /health/ready every 10 ms, and prints one line per run:
#   wall_ms=<launch to first 200> self_ms=<the server's "ready in N ms"> cpu_ms=<user+sys of the
#   process until ready, all threads> load=<1-minute load average at ready>
#   init_ms=<launch to the first answered MCP initialize> (with INIT=1: after ready, the first
#   POST initialize, sent with the printed demo token as soon as ready)
# usage: server-startup.sh <java> [JVM options...]    (RUNS=5 repeats; JAR=... another jar; INIT=1)
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA=$1; shift
JAR=${JAR:-jamf-mcp-examples/target/jamf-mcp-server.jar}
RUNS=${RUNS:-1}
TICK=$(getconf CLK_TCK)
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
for _ in $(seq 1 "$RUNS"); do
  # below the ephemeral range (32768+), so that a polling connect can never self-connect to it
  PORT=$((20000 + RANDOM % 10000))
  start=$(date +%s%N)
  "$JAVA" "$@" -jar "$JAR" --demo --port "$PORT" >"$LOG" 2>&1 &
  pid=$!
  until curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health/ready" | grep -q 200; do
    kill -0 "$pid" 2>/dev/null || { echo "server exited:" >&2; cat "$LOG" >&2; exit 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  read -r -a stat < <(sed 's/^.*) //' "/proc/$pid/stat")
  cpu=$(( (stat[11] + stat[12]) * 1000 / TICK ))   # fields 14 and 15: utime, stime
  load=$(cut -d' ' -f1 /proc/loadavg)
  self=$(grep -o 'ready in [0-9]* ms' "$LOG" | grep -o '[0-9]*' || echo -)
  init=""
  if [ "${INIT:-0}" = 1 ]; then
    token=$(sed -n 's/^Bearer token: //p' "$LOG")
    body='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}'
    curl -sf -o /dev/null "http://127.0.0.1:$PORT/mcp" -H 'Content-Type: application/json' \
      -H 'Accept: application/json, text/event-stream' -H "Authorization: Bearer $token" -d "$body"
    init=" init_ms=$(( ($(date +%s%N) - start) / 1000000 ))"
  fi
  echo "wall_ms=$(( (end - start) / 1000000 )) self_ms=$self cpu_ms=$cpu load=$load$init"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
