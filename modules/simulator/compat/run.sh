#!/usr/bin/env bash
# Runs the official JS clients (Google's and Mistral's SDKs, LangChain's integrations) against a fresh simulator.
# Usage: bash modules/simulator/compat/run.sh   (from any directory; exit code 0 only when every test passed)
set -euo pipefail
compat="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$compat/../../.." && pwd)"
api_key="compat-test-key"

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1
}

pick_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for dir in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -x "$dir/bin/java" ] && candidates+=("$dir")
  done
  for dir in "${candidates[@]}"; do
    if [ -x "$dir/bin/java" ] && [ "$(java_major "$dir")" -ge 21 ] 2>/dev/null; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

JAVA_HOME=$(pick_jdk) || { echo "compat: the simulator needs a JDK 21+; set JAVA_HOME to one." >&2; exit 1; }
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "compat: node/npm not found; installing them from Debian's packages." >&2
  apt-get update -qq
  apt-get install -y -qq nodejs npm >/dev/null
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "compat: the clients need Node.js 20+, found $(node -v)." >&2
  exit 1
fi

jar=$(ls "$root"/modules/simulator/target/simulator-*-standalone.jar 2>/dev/null | head -n 1 || true)
if [ -z "$jar" ]; then
  echo "compat: building the simulator's standalone jar." >&2
  (cd "$root" && mvn -q -B -ntp -pl modules/simulator package -DskipTests)
  jar=$(ls "$root"/modules/simulator/target/simulator-*-standalone.jar | head -n 1)
fi

log=$(mktemp)
java -jar "$jar" --port 0 --time-scale 0.02 --tier unlimited --api-key "$api_key" >"$log" 2>&1 &
sim_pid=$!
stop_simulator() {
  local status=$?
  kill "$sim_pid" 2>/dev/null || true
  wait "$sim_pid" 2>/dev/null || true
  rm -f "$log"
  exit "$status"
}
trap stop_simulator EXIT

# npm ci runs while the simulator starts. Install scripts are not needed by any of the clients.
(cd "$compat" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)

url=""
for _ in $(seq 1 100); do
  url=$(sed -n 's#^Provider simulator on \(http://[^ ]*\).*#\1#p' "$log")
  [ -n "$url" ] && break
  kill -0 "$sim_pid" 2>/dev/null || break
  sleep 0.2
done
if [ -z "$url" ] || ! SIM_URL="$url" node -e \
    'fetch(process.env.SIM_URL + "/_sim/health").then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))'; then
  echo "compat: the simulator did not come up; its output:" >&2
  cat "$log" >&2
  exit 1
fi
echo "compat: simulator at $url ($(node -v), $(java -version 2>&1 | sed -n 1p))"

# One file at a time: a Mistral request refused for its key is recorded before its model is read (see sim.mjs).
cd "$compat"
SIM_URL="$url" SIM_API_KEY="$api_key" node --test --test-concurrency=1 --test-reporter=spec ./*.test.mjs
