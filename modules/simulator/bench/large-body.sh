#!/usr/bin/env bash
# How /_sim/health answers while the simulator reads, parses and answers 19 MB prompts (and refuses 25 MB ones):
# wrk measures the health latency for DURATION seconds, first alone, then while curl posts the large bodies one
# after another. Prints both p99 latencies, their ratio, how many large requests were answered, and the load.
# Usage: bash modules/simulator/bench/large-body.sh [DURATION]   (from the project root, JDK 21+ on PATH)
set -euo pipefail
cd "$(dirname "$0")/../../.."
DURATION=${1:-20}
PORT=18792
SIM_JAVA_OPTS=${SIM_JAVA_OPTS:-}

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
JAR=$(ls modules/simulator/target/simulator-*-standalone.jar 2>/dev/null | head -1 || true)
if [ -z "$JAR" ]; then
  mvn -q -B -ntp -pl modules/simulator package -DskipTests
  JAR=$(ls modules/simulator/target/simulator-*-standalone.jar | head -1)
fi

work=$(mktemp -d)
body() {   # a Gemini request whose prompt fills $1 bytes
  { printf '{"contents":[{"role":"user","parts":[{"text":"'
    yes 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.' | tr '\n' ' ' | head -c "$1" || true   # yes ends on SIGPIPE
    printf '"}]}]}'; } > "$2"
}
body $((19 * 1024 * 1024)) "$work/19mb.json"
body $((25 * 1024 * 1024)) "$work/25mb.json"

# shellcheck disable=SC2086 # the options are words
java $SIM_JAVA_OPTS -jar "$JAR" --port "$PORT" --tier unlimited >/dev/null 2>&1 &
SIM=$!
cleanup() { kill "$SIM" "${POSTER:-}" 2>/dev/null || true; wait "$SIM" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/_sim/health" >/dev/null && break; sleep 0.2; done

health_p99() {   # wrk's 99th percentile, in ms
  wrk -t1 -c4 -d"${DURATION}s" --latency "http://127.0.0.1:$PORT/_sim/health" \
    | awk '$1 == "99%" { v = $2; if (v ~ /us$/) ms = v / 1000; else if (v ~ /ms$/) ms = v + 0; else ms = v * 1000; print ms }'
}

post_large() {   # until killed: a 19 MB prompt, then a 25 MB one, each answered before the next is sent
  local url="http://127.0.0.1:$PORT/v1beta/models/gemini-2.5-flash:generateContent"
  while true; do
    curl -s -o /dev/null -w '%{http_code}\n' "$url" -H 'x-goog-api-key: bench' -H 'Content-Type: application/json' \
      --data-binary @"$work/19mb.json" >> "$work/codes"
    curl -s -o /dev/null -w '%{http_code}\n' "$url" -H 'x-goog-api-key: bench' -H 'Content-Type: application/json' \
      --data-binary @"$work/25mb.json" >> "$work/codes"
  done
}

echo "load before: $(uptime | sed 's/.*load average/load average/')"
wrk -t1 -c4 -d5s "http://127.0.0.1:$PORT/_sim/health" >/dev/null   # warm-up
alone=$(health_p99)
post_large &
POSTER=$!
sleep 1
busy=$(health_p99)
kill "$POSTER"; wait "$POSTER" 2>/dev/null || true
echo "load after:  $(uptime | sed 's/.*load average/load average/')"
echo "large requests: $(grep -c '^200$' "$work/codes" || true) answered 200 (19 MB), $(grep -c '^400$' "$work/codes" || true) refused 400 (25 MB)"
echo "health p99 alone: ${alone} ms; while posting large bodies: ${busy} ms ($(awk -v a="$alone" -v b="$busy" 'BEGIN { printf "%.1f", b / a }')x)"
