#!/usr/bin/env bash
# Capacity benchmark of the simulator on loopback, with wrk as the load generator:
#  1. STREAMS concurrent Gemini SSE streams at real-time latency (time scale 1) for DURATION seconds; prints how late
#     the applied time to first token was against the planned one (server-side ground truth from /_sim/stats).
#  2. Non-streaming Mistral requests at zero latency (time scale 0): requests per second.
# Usage: bash modules/simulator/bench/capacity.sh [STREAMS] [DURATION]   (from the project root, JDK 21+ on PATH)
set -euo pipefail
cd "$(dirname "$0")/../../.."
STREAMS=${1:-5000}
DURATION=${2:-30}
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
  java -Xmx2g -jar "$JAR" --port "$PORT" --tier unlimited "$@" >/dev/null 2>&1 &
  SIM=$!
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/_sim/health" >/dev/null && return; sleep 0.2; done
  echo "simulator did not start" >&2; exit 1
}
stop() { kill "$SIM"; wait "$SIM" 2>/dev/null || true; }

echo "== $STREAMS concurrent streams, time scale 1, ${DURATION}s =="
start --time-scale 1
wrk -t2 -c"$STREAMS" -d"${DURATION}s" --timeout 30s -s "$BENCH/stream.lua" "http://127.0.0.1:$PORT" | grep -E "requests in|Requests/sec|Socket errors|Non-2xx" || true
curl -s "http://127.0.0.1:$PORT/_sim/stats" | jq -r '
  . as $stats
  | [.requests[] | select(.appliedTtftMillis != null) | .appliedTtftMillis - .plannedTtftMillis] | sort as $late
  | def at(p): $late[($late | length) * p | floor] * 100 | round / 100;
    "streams answered: \($late | length), max in flight: \($stats.maxInFlight)",
    "TTFT lateness (applied - planned): p50 \(at(0.5)) ms, p99 \(at(0.99)) ms, max \($late[-1] * 100 | round / 100) ms"'
stop

echo "== non-streaming requests, time scale 0, 100 connections, 20s =="
start --time-scale 0
wrk -t2 -c100 -d20s -s "$BENCH/unary.lua" "http://127.0.0.1:$PORT" | grep -E "requests in|Requests/sec|Latency|Non-2xx" || true
stop
