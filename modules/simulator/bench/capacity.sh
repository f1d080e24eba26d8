#!/usr/bin/env bash
# Capacity benchmark of the simulator on loopback, with wrk as the load generator:
#  1. STREAMS concurrent Gemini SSE streams at real-time latency (time scale 1) for DURATION seconds; prints how late
#     the applied time to first token was against the planned one (server-side ground truth from /_sim/stats).
#  2. Non-streaming Mistral requests at zero latency (time scale 0): requests per second.
# Each stage first runs WARMUP seconds of the same load and then clears the ground truth, so the JIT compiler's
# start-up work is not measured (WARMUP=0 measures from a cold start).
# Usage: bash modules/simulator/bench/capacity.sh [STREAMS] [DURATION]   (from the project root, JDK 21+ on PATH)
# SIM_JAVA_OPTS overrides the simulator's JVM options; the default gives G1 a large, pre-touched young generation, so
# a young collection comes every 10-15 s instead of every second.
set -euo pipefail
cd "$(dirname "$0")/../../.."
STREAMS=${1:-5000}
DURATION=${2:-30}
WARMUP=${WARMUP:-10}
SIM_JAVA_OPTS=${SIM_JAVA_OPTS:--Xms4g -Xmx4g -Xmn3g -XX:+AlwaysPreTouch}
PORT=18790
BENCH=modules/simulator/bench

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v jq >/dev/null || { apt-get update -qq && apt-get install -y -qq jq >/dev/null; }
JAR=$(ls modules/simulator/target/simulator-*-standalone.jar 2>/dev/null | head -1 || true)
if [ -z "$JAR" ]; then
  mvn -q -B -ntp -pl modules/simulator package -DskipTests
  JAR=$(ls modules/simulator/target/simulator-*-standalone.jar | head -1)
fi
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true   # one descriptor per connection, on each side

start() {
  # shellcheck disable=SC2086 # the options are words
  java $SIM_JAVA_OPTS -jar "$JAR" --port "$PORT" --tier unlimited "$@" >/dev/null 2>&1 &
  SIM=$!
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/_sim/health" >/dev/null && return; sleep 0.2; done
  echo "simulator did not start" >&2; exit 1
}
stop() { kill "$SIM"; wait "$SIM" 2>/dev/null || true; }
warm_up() {
  if [ "$WARMUP" -gt 0 ]; then
    wrk "$@" -d"${WARMUP}s" "http://127.0.0.1:$PORT" >/dev/null
    sleep 2   # the warm-up's last streams end
    curl -sf -X DELETE "http://127.0.0.1:$PORT/_sim/stats" >/dev/null
  fi
}

echo "== $STREAMS concurrent streams, time scale 1, ${DURATION}s after ${WARMUP}s of warm-up, JVM: $SIM_JAVA_OPTS =="
start --time-scale 1
warm_up -t2 -c"$STREAMS" --timeout 30s -s "$BENCH/stream.lua"
wrk -t2 -c"$STREAMS" -d"${DURATION}s" --timeout 30s -s "$BENCH/stream.lua" "http://127.0.0.1:$PORT" | grep -E "requests in|Requests/sec|Socket errors|Non-2xx" || true
curl -s "http://127.0.0.1:$PORT/_sim/stats" | jq -r '
  . as $stats
  | [.requests[] | select(.appliedTtftMillis != null) | .appliedTtftMillis - .plannedTtftMillis] | sort as $late
  | def at(p): $late[($late | length) * p | floor] * 100 | round / 100;
    "streams answered: \($late | length), max in flight: \($stats.maxInFlight)",
    "TTFT lateness (applied - planned): p50 \(at(0.5)) ms, p90 \(at(0.9)) ms, p99 \(at(0.99)) ms, p99.9 \(at(0.999)) ms, max \($late[-1] * 100 | round / 100) ms"'
stop

echo "== non-streaming requests, time scale 0, 100 connections, 20s after ${WARMUP}s of warm-up =="
start --time-scale 0
warm_up -t2 -c100 -s "$BENCH/unary.lua"
wrk -t2 -c100 -d20s -s "$BENCH/unary.lua" "http://127.0.0.1:$PORT" | grep -E "requests in|Requests/sec|Latency|Non-2xx" || true
stop
