#!/usr/bin/env bash
# Start-up of the packaged server: launches `java [JVM options] -jar jamf-mcp-server.jar --demo`,
# polls /health/ready every 10 ms, and prints one line per run:
#   wall_ms=<launch to first 200> self_ms=<the server's "ready in N ms"> cpu_ms=<user+sys of the
#   process until ready, all threads> load=<1-minute load average at ready>
#   init_ms=<launch to the first answered MCP initialize> (with INIT=1: after ready, the first
#   POST initialize, sent with the printed demo token as soon as ready; a reply that is not the
#   initialize result stops the script with exit 1)
#   with TIMELINE=1, also the server's phase timeline (ms since JVM start, CPU so far) on a
#   second line, from -Dorg.slf4j.simpleLogger.log.jamf-mcp.startup=debug; with THREADS=1, the CPU
#   until ready of each group of threads (JIT compilers, GC, main, start-up threads, ...)
# usage: server-startup.sh <java> [JVM options...]    (RUNS=5 repeats; JAR=... another jar; INIT=1;
#   TIMELINE=1)
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
  EXTRA=()
  [ "${TIMELINE:-0}" = 1 ] && EXTRA=(-Dorg.slf4j.simpleLogger.log.jamf-mcp.startup=debug)
  "$JAVA" "$@" "${EXTRA[@]}" -jar "$JAR" --demo --port "$PORT" >"$LOG" 2>&1 &
  pid=$!
  until curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health/ready" | grep -q 200; do
    kill -0 "$pid" 2>/dev/null || { echo "server exited:" >&2; cat "$LOG" >&2; exit 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  read -r -a stat < <(sed 's/^.*) //' "/proc/$pid/stat")
  cpu=$(( (stat[11] + stat[12]) * 1000 / TICK ))   # fields 14 and 15: utime, stime
  load=$(cut -d' ' -f1 /proc/loadavg)
  # one read of every thread's stat at ready; summed by name after the initialize (THREADS=1)
  [ "${THREADS:-0}" = 1 ] && tasks=$(cat /proc/"$pid"/task/*/stat 2>/dev/null)
  self=$(grep -o 'ready in [0-9]* ms' "$LOG" | grep -o '[0-9]*' || echo -)
  init=""
  if [ "${INIT:-0}" = 1 ]; then
    token=$(sed -n 's/^Bearer token: //p' "$LOG")
    body='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}'
    # the reply must be the initialize result, not a JSON-RPC error answered with 200
    reply=$(curl -s "http://127.0.0.1:$PORT/mcp" -H 'Content-Type: application/json' \
      -H 'Accept: application/json, text/event-stream' -H "Authorization: Bearer $token" -d "$body")
    if ! grep -q '"result" *:' <<<"$reply" || grep -q '"error" *:' <<<"$reply"; then
      echo "initialize failed: $reply" >&2; kill "$pid"; exit 1
    fi
    init=" init_ms=$(( ($(date +%s%N) - start) / 1000000 ))"
  fi
  echo "wall_ms=$(( (end - start) / 1000000 )) self_ms=$self cpu_ms=$cpu load=$load$init"
  if [ "${THREADS:-0}" = 1 ]; then
    # comm is field 2 (in parentheses, may hold spaces); utime+stime are fields 14 and 15. Threads
    # that ended before ready count in cpu_ms only. Digits become N (jamf-sim-3 -> jamf-sim-N).
    threads=$(while IFS= read -r s; do
      name=${s#*(}; name=${name%)*}; rest=${s##*) }
      read -r -a f <<<"$rest"
      echo "$(echo "$name" | sed 's/[0-9][0-9]*/N/g' | tr ' ' '_') $(( (f[11] + f[12]) * 1000 / TICK ))"
    done <<<"$tasks" | awk '{c[$1]+=$2} END {for (k in c) if (c[k] > 0) print c[k], k}' |
      sort -rn | head -12 | awk '{printf "%s%s=%s", sep, $2, $1; sep=" "}')
    echo "  threads (cpu ms): $threads"
  fi
  if [ "${TIMELINE:-0}" = 1 ]; then
    sleep 0.2   # the timeline is logged just after the banner
    grep -o 'Start-up since JVM start: .*' "$LOG" | sed 's/^/  /' || true
  fi
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
