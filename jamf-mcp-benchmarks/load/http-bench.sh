#!/usr/bin/env bash
# tools/list and tools/call (echo) throughput and latency at 1, 16 and 64 connections, for this
# library's server and the official MCP Java SDK's, one after the other in the same run.
# usage: jamf-mcp-benchmarks/load/http-bench.sh [java] [seconds per point]
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA=${1:-java}
SECONDS_PER_POINT=${2:-10}
JAR=jamf-mcp-benchmarks/target/benchmarks.jar
LUA=jamf-mcp-benchmarks/load/mcp-post.lua
PORT=39201
LIST='{"jsonrpc":"2.0","id":2,"method":"tools/list","params":{}}'
CALL='{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"echo","arguments":{"text":"hello"}}}'

session() { # prints the session id of a fresh 2025-06-18 session
  local headers
  headers=$(curl -s -D - -o /dev/null "http://127.0.0.1:$PORT/mcp" \
    -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \
    -d '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"wrk","version":"1"}}}')
  local id
  id=$(printf '%s' "$headers" | tr -d '\r' | awk -F': ' 'tolower($1)=="mcp-session-id"{print $2}')
  curl -s -o /dev/null "http://127.0.0.1:$PORT/mcp" -H 'Content-Type: application/json' \
    -H 'Accept: application/json, text/event-stream' -H "Mcp-Session-Id: $id" \
    -H 'MCP-Protocol-Version: 2025-06-18' -d '{"jsonrpc":"2.0","method":"notifications/initialized"}'
  printf '%s' "$id"
}

bench() { # <label> <main class>
  local label=$1 main=$2
  "$JAVA" -Xmx512m -cp "$JAR" "$main" "$PORT" > "/tmp/http-bench-$label.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT/mcp" && break; sleep 0.2; done
  local id
  id=$(session)
  # warm-up: let the JIT compile the hot paths before measuring
  MCP_SESSION=$id MCP_BODY=$CALL wrk -t2 -c16 -d5s -s "$LUA" "http://127.0.0.1:$PORT/mcp" >/dev/null
  MCP_SESSION=$id MCP_BODY=$LIST wrk -t2 -c16 -d5s -s "$LUA" "http://127.0.0.1:$PORT/mcp" >/dev/null
  for method in tools/list tools/call; do
    local body=$LIST
    [ "$method" = tools/call ] && body=$CALL
    for c in 1 16 64; do
      local t=2
      [ "$c" = 1 ] && t=1
      MCP_SESSION=$id MCP_BODY=$body wrk -t$t -c$c -d"${SECONDS_PER_POINT}s" --latency -s "$LUA" \
        "http://127.0.0.1:$PORT/mcp" > /tmp/http-bench-wrk.txt 2>&1
      local rps p50 p99
      rps=$(awk '/Requests\/sec/{print $2}' /tmp/http-bench-wrk.txt)
      p50=$(awk '$1=="50%"{print $2}' /tmp/http-bench-wrk.txt)
      p99=$(awk '$1=="99%"{print $2}' /tmp/http-bench-wrk.txt)
      local bad
      bad=$(grep -c 'unexpected status\|Non-2xx' /tmp/http-bench-wrk.txt || true)
      printf '%s\t%s\t%s\t%s\t%s\t%s\tnon2xx=%s\n' "$label" "$method" "$c" "$rps" "$p50" "$p99" "$bad"
    done
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

printf 'server\tmethod\tconnections\treq/s\tp50\tp99\n'
bench jamf-mcp dev.jamfmcp.benchmarks.EchoServer
bench java-sdk dev.jamfmcp.benchmarks.SdkEchoServer
