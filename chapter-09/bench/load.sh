#!/usr/bin/env bash
# 1,000 concurrent SSE clients on loopback against each server of chapter 09 (a benchmark, not a test).
# Usage: chapter-09/bench/load.sh [clients] [time-scale] [servers]   e.g. chapter-09/bench/load.sh 1000 0.5 javalin,spring
# Extra Maven options (e.g. -Dmaven.repo.local=...) go in MVN_ARGS.
set -euo pipefail
cd "$(dirname "$0")/../.."
clients="${1:-1000}"
scale="${2:-0.5}"
servers="${3:-javalin,spring}"
uptime
# 1,000 clients + 1,000 server-side connections + 1,000 to the simulator, each with two ends on loopback.
ulimit -n 65536 2>/dev/null || true
mvn -q -B ${MVN_ARGS:-} -pl chapter-09 -Pbench test-compile exec:java \
    -Dexec.classpathScope=test \
    -Dexec.mainClass=io.github.asynccookbook.chapter09.bench.LoadBenchmark \
    -Dexec.args="$clients $scale $servers"
uptime
