#!/usr/bin/env bash
# Benchmark of issue 9's goals (not a test): the simulator in its own process, the client in a JVM of its own with
# -Xmx256m, both on this machine; each figure printed with the machine's load average (`uptime`) before and after.
#  1. _05_Scale: blocking / stock streaming (JDK transport) / Reactor Netty, at SIZES calls at once, after WARMUP calls
#     per approach: answers, typed errors, lost, wall / slowest call, platform threads, peak heap.
#  2. _05_Scale with the Reactor Netty approach alone, in a fresh JVM, so its thread count is the client's own.
#  3. TtftSplit: TTFT_STREAMS streams at once on each transport, client TTFT split into send / server / delivery.
# Usage (from anywhere; JDK 21+ on PATH; MAVEN_ARGS for e.g. -Dmaven.repo.local=...):
#   bash chapter-02/bench/scale.sh [SIZES] [APPROACHES]     e.g. bash chapter-02/bench/scale.sh 10,100,1000,10000
# Environment: CLIENT_OPTS (default -Xmx256m), SIM_JAVA_OPTS (default -Xmx1g), WARMUP (200), TTFT_STREAMS (1000),
# PROVIDER (mistral), PORT (18791), SKIP_BUILD=1 to use what is built.
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
client() {
  echo "\$ uptime: $(uptime)"
  echo "\$ java $CLIENT_OPTS ... $*"
  # shellcheck disable=SC2086
  java $CLIENT_OPTS -cp "$CP" "$@"
  echo "\$ uptime: $(uptime)"
}

echo "== 1. three transports, simulator pid $SIM on port $PORT (JVM: $SIM_JAVA_OPTS), client $CLIENT_OPTS, $(nproc) cores"
client io.github.asynccookbook.chapter02._05_Scale --provider "$PROVIDER" --approach "$APPROACHES" \
  --requests "$SIZES" --warm-up "$WARMUP"

echo; echo "== 2. Reactor Netty alone, fresh client JVM"
client io.github.asynccookbook.chapter02._05_Scale --provider "$PROVIDER" --approach reactor-netty \
  --requests "$SIZES" --warm-up "$WARMUP"

echo; echo "== 3. TTFT split, $TTFT_STREAMS streams at once"
for transport in jdk reactor-netty; do
  client io.github.asynccookbook.chapter02.bench.TtftSplit --simulator-url "http://127.0.0.1:$PORT" \
    --provider "$PROVIDER" --transport "$transport" --streams "$TTFT_STREAMS" --warm-up "$WARMUP"
done
