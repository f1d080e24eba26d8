#!/usr/bin/env bash
# Benchmark of issue 9's goals (not a test): the simulator in its own process, the client in a JVM of its own with
# -Xmx256m, both on this machine; each figure printed with the machine's load average (`uptime`) before and after.
#  1. _05_Scale: blocking / stock streaming (JDK transport) / Reactor Netty, at SIZES calls at once, after WARMUP calls
#     per approach: answers, typed errors, lost, wall / slowest call, platform threads, peak heap.
#  2. _05_Scale with the Reactor Netty approach alone, in a fresh JVM, so its thread count is the client's own.
#  3. TtftSplit: TTFT_STREAMS streams at once on each transport, client TTFT split into send / server / delivery.
#  4. Against LangChain.js (bench/langchain-js, node 20+ and npm): JS_REQUESTS streamed calls at once with LangChain.js and
#     with the Reactor Netty approach, against the same simulator process, Gemini and Mistral, each after WARMUP calls;
#     prints the wall time ratio ours / theirs.
# Usage (from anywhere; JDK 21+ on PATH; MAVEN_ARGS for e.g. -Dmaven.repo.local=...):
#   bash chapter-02/bench/scale.sh [SIZES] [APPROACHES]     e.g. bash chapter-02/bench/scale.sh 10,100,1000,10000
# Environment: PARTS (the parts to run, default 1,2,3,4), JS_REQUESTS (1000), CLIENT_OPTS (default -Xmx256m),
# SIM_JAVA_OPTS (default -Xmx1g), WARMUP (200), TTFT_STREAMS (1000), PROVIDER (mistral), PORT (18791),
# SKIP_BUILD=1 to use what is built.
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZES=${1:-10,100,1000,10000}
APPROACHES=${2:-blocking,streaming,reactor-netty}
CLIENT_OPTS=${CLIENT_OPTS:--Xmx256m}
SIM_JAVA_OPTS=${SIM_JAVA_OPTS:--Xmx1g}
WARMUP=${WARMUP:-200}
TTFT_STREAMS=${TTFT_STREAMS:-1000}
PROVIDER=${PROVIDER:-mistral}
PORT=${PORT:-18791}
MAVEN_ARGS=${MAVEN_ARGS:-}
PARTS=${PARTS:-1,2,3,4}
JS_REQUESTS=${JS_REQUESTS:-1000}
part() { [[ ",$PARTS," == *",$1,"* ]]; }

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  # shellcheck disable=SC2086 # the arguments are words
  mvn -q -B -ntp $MAVEN_ARGS install -DskipTests -pl chapter-02 -am
fi
# shellcheck disable=SC2086
mvn -q -B -ntp $MAVEN_ARGS -pl chapter-02 dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
CP="chapter-02/target/classes:$(cat chapter-02/target/bench.classpath)"
JAR=$(ls modules/simulator/target/simulator-*-standalone.jar | head -1)
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true   # one descriptor per connection

# shellcheck disable=SC2086
java $SIM_JAVA_OPTS -jar "$JAR" --port "$PORT" --tier unlimited --time-scale 1 >/dev/null 2>&1 &
SIM=$!
trap 'kill $SIM 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/_sim/health" >/dev/null && break; sleep 0.2; done
export GEMINI_BASE_URL="http://127.0.0.1:$PORT/v1beta" MISTRAL_BASE_URL="http://127.0.0.1:$PORT/v1"
# Connections the kernel refused because a listen queue was full (machine-wide: SYNs dropped, retried after 1, 3, 7 s).
overflows() { nstat -az TcpExtListenOverflows 2>/dev/null | awk '$1 == "TcpExtListenOverflows" { print $2 }'; }
client() {
  local before status=0
  before=$(overflows)
  echo "\$ uptime: $(uptime)"
  echo "\$ java $CLIENT_OPTS ... $*"
  # shellcheck disable=SC2086
  java $CLIENT_OPTS -cp "$CP" "$@" || status=$?
  echo "\$ uptime: $(uptime)"
  [ -n "$before" ] && echo "listen queue overflows (machine-wide, nstat TcpExtListenOverflows): $(( $(overflows) - before ))"
  return $status
}

if part 1; then
echo "== 1. three transports, simulator pid $SIM on port $PORT (JVM: $SIM_JAVA_OPTS), client $CLIENT_OPTS, $(nproc) cores"
client io.github.asynccookbook.chapter02._05_Scale --provider "$PROVIDER" --approach "$APPROACHES" \
  --requests "$SIZES" --warm-up "$WARMUP"
fi

if part 2; then
echo; echo "== 2. Reactor Netty alone, fresh client JVM"
client io.github.asynccookbook.chapter02._05_Scale --provider "$PROVIDER" --approach reactor-netty \
  --requests "$SIZES" --warm-up "$WARMUP"
fi

if part 3; then
echo; echo "== 3. TTFT split, $TTFT_STREAMS streams at once"
for transport in jdk reactor-netty; do
  client io.github.asynccookbook.chapter02.bench.TtftSplit --simulator-url "http://127.0.0.1:$PORT" \
    --provider "$PROVIDER" --transport "$transport" --streams "$TTFT_STREAMS" --warm-up "$WARMUP"
done
fi

if part 4; then
  echo; echo "== 4. $JS_REQUESTS streamed calls at once: Reactor Netty (ours) vs LangChain.js (theirs), same simulator"
  js=chapter-02/bench/langchain-js
  (cd "$js" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null)
  for provider in gemini mistral; do
    out=$(client io.github.asynccookbook.chapter02._05_Scale --provider "$provider" --approach reactor-netty \
      --requests "$JS_REQUESTS" --warm-up "$WARMUP" 2>&1) || true
    echo "$out"
    ours=$(awk -v n="$JS_REQUESTS" '$1 == "reactor-netty" && $2 == n { sub("s", "", $7); print $7 }' <<<"$out")
    echo "\$ uptime: $(uptime)"
    echo "\$ node scale.mjs --provider $provider --requests $JS_REQUESTS --warm-up $WARMUP"
    out=$(cd "$js" && SIM_URL="http://127.0.0.1:$PORT" node scale.mjs --provider "$provider" \
      --requests "$JS_REQUESTS" --warm-up "$WARMUP" 2>&1) || true
    echo "$out"
    theirs=$(awk '$1 ~ /^[0-9]+$/ { sub("s", "", $4); print $4 }' <<<"$out")
    echo "\$ uptime: $(uptime)"
    if [ -n "$ours" ] && [ -n "$theirs" ]; then
      awk -v o="$ours" -v t="$theirs" -v p="$provider" 'BEGIN { printf "%s: wall ours %.3fs / theirs %.3fs = %.2f\n", p, o, t, o / t }'
    fi
  done
fi
