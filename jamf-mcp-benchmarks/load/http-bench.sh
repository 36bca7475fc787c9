#!/usr/bin/env bash
# tools/list and tools/call (echo) throughput, latency and server CPU per request at 1, 16 and 64
# connections, for this library's server and the official MCP Java SDK's, interleaved: ROUNDS
# rounds, each starting both servers afresh one after the other (the order alternates between
# rounds), so that a drift in the machine's load hits both; the report is the median of each point.
#
# usage: jamf-mcp-benchmarks/load/http-bench.sh [java] [seconds per point]
#        jamf-mcp-benchmarks/load/http-bench.sh --summary FILE   (the table again, from raw results)
# env:   ROUNDS (3), METHODS ("tools/list tools/call"), CONNECTIONS ("1 16 64"),
#        SERVERS ("jamf-mcp java-sdk"; also servlet-tomcat: McpServlet in Tomcat, see
#        docs/BENCHMARKS.md), OURS/REF (the two the table compares),
#        SERVER_OPTS (extra JVM options for both servers, e.g. JFR),
#        WARMUP (seconds of each method at 16 connections before measuring, 15),
#        JFR (a directory: record jdk.ExecutionSample etc. during the measured runs only, one
#        file per server and round), OUT (raw results, default /tmp/http-bench.tsv),
#        JAR (default: the benchmarks jar).
#        Before/after a change: build the old commit's benchmarks jar, copy it away, then
#        SERVERS="jamf-mcp jamf-mcp-base" BASE_JAR=/tmp/old.jar REF=jamf-mcp-base http-bench.sh
#
# Warm-up matters more than it seems: on a loaded 2-core machine the JIT can leave Jetty's
# HttpParser.parseFields interpreted for 10-25 s (seen with -XX:+PrintCompilation), and while it
# is, it alone costs a third of the server's CPU; a short warm-up measures the JIT, not the server.
#
# Every reply is checked (mcp-post.lua): each request has its own id, and a reply counts only if it
# is a JSON-RPC result (no "error" member, no "isError": true, the expected text present). A run
# with any other reply, or a socket error, is printed as FAILED and counted in the `failed` column;
# the table then says so and the script exits 1. Its figures must not be quoted.
#
# CPU per request is the server process's utime+stime (from /proc/<pid>/stat) over one wrk run,
# divided by the requests wrk completed in it: unlike req/s it hardly moves with the machine's
# load, so it is the figure to drive work with. wrk runs on the same cores and is not counted.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA=${1:-java}
SECONDS_PER_POINT=${2:-10}
ROUNDS=${ROUNDS:-3}
METHODS=${METHODS:-tools/list tools/call}
CONNECTIONS=${CONNECTIONS:-1 16 64}
SERVERS=${SERVERS:-jamf-mcp java-sdk}
SERVER_OPTS=${SERVER_OPTS:-}
OUT=${OUT:-/tmp/http-bench.tsv}
WARMUP=${WARMUP:-15}
JFR=${JFR:-}
JCMD=jcmd
[ -n "$JFR" ] && JCMD="$(dirname "$(readlink -f "$(command -v "$JAVA")")")/jcmd"
JAR=${JAR:-jamf-mcp-benchmarks/target/benchmarks.jar}
LUA=jamf-mcp-benchmarks/load/mcp-post.lua
PORT=39201
TICK=$(getconf CLK_TCK)
# @ID@: mcp-post.lua puts a fresh id in each request
LIST='{"jsonrpc":"2.0","id":@ID@,"method":"tools/list","params":{}}'
CALL='{"jsonrpc":"2.0","id":@ID@,"method":"tools/call","params":{"name":"echo","arguments":{"text":"hello"}}}'
# what a successful reply holds besides "result": the listed tool, the echoed text
LIST_EXPECT='"name":"echo"'
CALL_EXPECT='"text":"hello"'
FAILED_RUNS=0

main_class() {
  case $1 in
    jamf-mcp | jamf-mcp-base) echo dev.jamfmcp.benchmarks.EchoServer ;;
    java-sdk) echo dev.jamfmcp.benchmarks.SdkEchoServer ;;
    servlet-tomcat) echo dev.jamfmcp.benchmarks.TomcatEchoServer ;;
    *) echo "unknown server $1" >&2; exit 2 ;;
  esac
}

session() { # prints the session id of a fresh 2025-06-18 session; fails unless it was initialized
  local reply
  reply=$(curl -s -D - "http://127.0.0.1:$PORT/mcp" \
    -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \
    -d '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"wrk","version":"1"}}}')
  local id status
  id=$(printf '%s' "$reply" | tr -d '\r' | awk -F': ' 'tolower($1)=="mcp-session-id"{print $2}')
  if [ -z "$id" ] || ! printf '%s' "$reply" | grep -q '"result" *:' || printf '%s' "$reply" | grep -q '"error" *:'; then
    echo "initialize failed: $reply" >&2; return 1
  fi
  status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/mcp" -H 'Content-Type: application/json' \
    -H 'Accept: application/json, text/event-stream' -H "Mcp-Session-Id: $id" \
    -H 'MCP-Protocol-Version: 2025-06-18' -d '{"jsonrpc":"2.0","method":"notifications/initialized"}')
  [ "$status" = 202 ] || { echo "notifications/initialized answered $status" >&2; return 1; }
  printf '%s' "$id"
}

RUN=0
post() { # <body> <expected text> <wrk options...>: one wrk run on the session, every reply checked
  local body=$1 expect=$2; shift 2
  RUN=$((RUN + 1))   # ids stay unique across the wrk runs of one session
  MCP_SESSION=$SESSION MCP_BODY=$body MCP_EXPECT=$expect MCP_RUN=$RUN \
    wrk "$@" -s "$LUA" "http://127.0.0.1:$PORT/mcp"
}

failures() { # <wrk output file>: failed replies + socket errors, or 1 if the check line is missing
  awk '/^mcp-replies:/ { split($3, f, "="); split($4, s, "="); print f[2] + s[2]; found = 1 }
       END { if (!found) print 1 }' "$1"
}

check() { # <wrk output file> <what>: says FAILED (and keeps count) unless every reply succeeded
  local n
  n=$(failures "$1")
  if [ "$n" != 0 ]; then
    FAILED_RUNS=$((FAILED_RUNS + 1))
    echo "FAILED: $2: $(grep '^mcp-replies:' "$1" || echo 'no mcp-replies line')" >&2
    grep 'mcp-post.lua' "$1" | head -3 >&2 || true
  fi
}

cpu_ticks() { # utime+stime of a process, in clock ticks
  awk '{print $14 + $15}' "/proc/$1/stat"
}

to_ms() { # wrk's "120.00us" / "1.02ms" / "1.05s" in milliseconds
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /m$/) n *= 60000;
    else if (v ~ /s$/) n *= 1000
    printf "%.3f", n }'
}

bench() { # <round> <label>
  local round=$1 label=$2
  # shellcheck disable=SC2086
  local jar=$JAR
  [ "$label" = jamf-mcp-base ] && jar=${BASE_JAR:?BASE_JAR must name the jar of jamf-mcp-base}
  # the servlet face runs in Tomcat, copied beside the jar by the build; Tomcat first (it carries
  # a newer copy of the servlet API than the jar's Jetty)
  [ "$label" = servlet-tomcat ] && jar="$(dirname "$JAR")/tomcat/*:$jar"
  "$JAVA" -Xmx512m $SERVER_OPTS -cp "$jar" "$(main_class "$label")" "$PORT" \
    > "/tmp/http-bench-$label.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT/mcp" && break; sleep 0.2; done
  RUN=0
  SESSION=$(session) || { kill "$pid"; exit 1; }
  # warm-up: let the JIT compile the hot paths before measuring
  post "$CALL" "$CALL_EXPECT" -t2 -c16 -d"${WARMUP}s" > /tmp/http-bench-wrk.txt 2>&1
  check /tmp/http-bench-wrk.txt "$label warm-up tools/call"
  if [ -n "$JFR" ]; then
    # started before the last warm-up, so that JFR's own start-up is not measured (the CPU per
    # request of a run with JFR is still a little higher than without)
    mkdir -p "$JFR"
    "$JCMD" "$pid" JFR.start name=bench settings=profile filename="$JFR/$label-$round.jfr" >/dev/null
  fi
  post "$LIST" "$LIST_EXPECT" -t2 -c16 -d"${WARMUP}s" > /tmp/http-bench-wrk.txt 2>&1
  check /tmp/http-bench-wrk.txt "$label warm-up tools/list"
  for method in $METHODS; do
    local body=$LIST expect=$LIST_EXPECT
    [ "$method" = tools/call ] && body=$CALL expect=$CALL_EXPECT
    for c in $CONNECTIONS; do
      local t=2
      [ "$c" = 1 ] && t=1
      local load before after
      load=$(cut -d' ' -f1 /proc/loadavg)
      before=$(cpu_ticks "$pid")
      post "$body" "$expect" -t$t -c"$c" -d"${SECONDS_PER_POINT}s" --latency > /tmp/http-bench-wrk.txt 2>&1
      after=$(cpu_ticks "$pid")
      local rps p50 p99 requests bad cpu
      rps=$(awk '/Requests\/sec/{print $2}' /tmp/http-bench-wrk.txt)
      p50=$(to_ms "$(awk '$1=="50%"{print $2}' /tmp/http-bench-wrk.txt)")
      p99=$(to_ms "$(awk '$1=="99%"{print $2}' /tmp/http-bench-wrk.txt)")
      requests=$(awk '/requests in/{print $1}' /tmp/http-bench-wrk.txt)
      check /tmp/http-bench-wrk.txt "$label round $round $method c=$c"
      bad=$(failures /tmp/http-bench-wrk.txt)
      # microseconds of server CPU per request
      cpu=$(awk -v d=$((after - before)) -v t="$TICK" -v n="$requests" \
        'BEGIN { printf "%.1f", (n > 0 ? d * 1e6 / t / n : 0) }')
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$label" "$method" "$c" "$rps" \
        "$p50" "$p99" "$cpu" "$load" "$bad" | tee -a "$OUT"
    done
  done
  [ -n "$JFR" ] && "$JCMD" "$pid" JFR.stop name=bench >/dev/null
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

summarize() { # <raw results file>: one markdown row per method and connection count
  # req/s, p50 and p99 are medians over the rounds; the ratios are medians of the per-round
  # ratios (each round runs both servers back to back, so a ratio compares like with like).
  awk -F'\t' -v ours="${OURS:-jamf-mcp}" -v ref="${REF:-java-sdk}" '
  function median(list,   n, i, j, t, a) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) { t = a[i] + 0; for (j = i - 1; j >= 1 && a[j] + 0 > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return n == 0 ? 0 : (n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2)
  }
  {
    pt = $3 SUBSEP $4
    if (!(pt in seen)) { seen[pt] = 1; order[++points] = pt }
    if ($2 == ours || $2 == ref) {
      side = $2 == ours ? "o" : "r"
      rps[side, pt] = rps[side, pt] " " $5; p50[side, pt] = p50[side, pt] " " $6
      p99[side, pt] = p99[side, pt] " " $7; cpu[side, pt] = cpu[side, pt] " " $8
      byround[side, pt, $1, "rps"] = $5; byround[side, pt, $1, "p99"] = $7
      byround[side, pt, $1, "cpu"] = $8; rounds[$1] = 1
    }
    if ($10 + 0 > 0) bad++
  }
  function ratios(pt, what,   r, list, o, x) {
    list = ""
    for (r in rounds) {
      o = byround["o", pt, r, what]; x = byround["r", pt, r, what]
      if (o != "" && x + 0 > 0) list = list " " (o / x)
    }
    return list == "" ? "-" : sprintf("%.2f", median(list))
  }
  END {
    print ""
    printf "| method | connections | %s req/s | %s req/s | throughput ratio | %s p50 / p99 | %s p50 / p99 | p99 ratio | CPU per request %s / %s | CPU ratio |\n", ours, ref, ours, ref, ours, ref
    print "|---|---:|---:|---:|---:|---|---|---:|---|---:|"
    for (i = 1; i <= points; i++) {
      pt = order[i]; split(pt, p, SUBSEP)
      printf "| %s | %s | %d | %d | %sx | %.2f / %.2f ms | %.2f / %.2f ms | %s | %.1f / %.1f us | %s |\n",
        p[1], p[2], median(rps["o", pt]), median(rps["r", pt]), ratios(pt, "rps"),
        median(p50["o", pt]), median(p99["o", pt]), median(p50["r", pt]), median(p99["r", pt]),
        ratios(pt, "p99"), median(cpu["o", pt]), median(cpu["r", pt]), ratios(pt, "cpu")
    }
    printf "\n(req/s, p50, p99, CPU: medians over the rounds; ratios: %s / %s, median of the per-round ratios; p99 and CPU ratios below 1 favour %s; every reply checked, runs with a failed reply or socket error: %d)\n", ours, ref, ours, bad
    if (bad > 0) { print "FAILED: some replies were not the expected result; these figures must not be quoted"; exit 1 }
  }' "$1"
}

if [ "${1:-}" = --summary ]; then summarize "$2"; exit $?; fi

: > "$OUT"
echo "# $(date -u '+%F %H:%M UTC'), $(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $("$JAVA" -version 2>&1 | head -1), ${SECONDS_PER_POINT} s per point, $ROUNDS rounds, ${WARMUP} s warm-up per method"
printf 'round\tserver\tmethod\tconnections\treq/s\tp50 ms\tp99 ms\tCPU us/req\tload\tfailed\n'
order=($SERVERS)
for round in $(seq 1 "$ROUNDS"); do
  for label in "${order[@]}"; do bench "$round" "$label"; done
  # alternate which server goes first, so neither always gets the warmer (or busier) slot
  reversed=()
  for ((i = ${#order[@]} - 1; i >= 0; i--)); do reversed+=("${order[i]}"); done
  order=("${reversed[@]}")
done
echo "# load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
summarize "$OUT" || true
if [ "$FAILED_RUNS" != 0 ]; then
  echo "FAILED: $FAILED_RUNS wrk runs (warm-ups included) had replies that were not the expected result" >&2
  exit 1
fi
