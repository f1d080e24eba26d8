#!/usr/bin/env bash
# Builds the two local images chapter 10's container tests need, without any registry:
#   local/jre25:1        a jlinked JRE + host glibc + busybox, assembled and `docker import`ed (no FROM, no pull)
#   local/llm-simulator:1 FROM local/jre25:1 with the simulator's shaded jar (modules/simulator, classifier standalone)
#   local/ask-server:1   FROM local/jre25:1 with chapter 09's AskServer recipe: the recipes module's classes and
#                        runtime classpath, started by docker/AskServerMain.java (compiled here)
# Idempotent: an image that exists is kept (pass --rebuild to force). Needs the modules installed first:
#   mvn -pl modules/simulator,modules/recipes -am install -DskipTests
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
JDK=${JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
BASE=${BASE_IMAGE:-local/jre25:1}
SIM=${SIM_IMAGE:-local/llm-simulator:1}
ASK=${ASK_IMAGE:-local/ask-server:1}
MVN_REPO=${MVN_REPO:+-Dmaven.repo.local=$MVN_REPO}
REBUILD=${1:-}

if [[ "$REBUILD" == --rebuild ]] || ! docker image inspect "$BASE" >/dev/null 2>&1; then
  ROOT=$(mktemp -d); trap 'rm -rf "$ROOT"' EXIT
  "$JDK/bin/jlink" --add-modules java.se,jdk.httpserver,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.net,jdk.charsets \
    --strip-debug --no-man-pages --no-header-files --output "$ROOT/opt/java"
  mkdir -p "$ROOT/usr/lib/x86_64-linux-gnu" "$ROOT/usr/lib64" "$ROOT/usr/bin" "$ROOT/usr/sbin" "$ROOT/etc" "$ROOT/tmp"
  for l in bin lib lib64 sbin; do ln -s "usr/$l" "$ROOT/$l"; done
  find "$ROOT/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} \; 2>/dev/null \
    | awk '/=> \//{print $3}' | sort -u | while read -r lib; do cp -L "$lib" "$ROOT/usr/lib/x86_64-linux-gnu/"; done
  cp -L /lib64/ld-linux-x86-64.so.2 "$ROOT/usr/lib64/"
  cp /bin/busybox "$ROOT/usr/bin/busybox"
  for a in $("$ROOT/usr/bin/busybox" --list); do [[ -e "$ROOT/usr/bin/$a" ]] || ln -s busybox "$ROOT/usr/bin/$a"; done
  echo 'root:x:0:0:root:/root:/bin/sh' >"$ROOT/etc/passwd"; echo 'root:x:0:' >"$ROOT/etc/group"
  echo 'hosts: files dns' >"$ROOT/etc/nsswitch.conf"; chmod 1777 "$ROOT/tmp"
  tar -C "$ROOT" -c . | docker import --change 'ENV JAVA_HOME=/opt/java' \
    --change 'ENV PATH=/opt/java/bin:/usr/bin:/bin' - "$BASE" >/dev/null
  docker run --rm --network none "$BASE" java -version
fi

if [[ "$REBUILD" == --rebuild ]] || ! docker image inspect "$SIM" >/dev/null 2>&1; then
  JAR=$(ls "$REPO"/modules/simulator/target/simulator-*-standalone.jar | head -1)
  CTX=$(mktemp -d); cp "$JAR" "$CTX/simulator.jar"
  printf 'FROM %s\nCOPY simulator.jar /app/simulator.jar\nEXPOSE 8080\nENTRYPOINT ["java","-jar","/app/simulator.jar"]\n' "$BASE" >"$CTX/Dockerfile"
  docker build -q -t "$SIM" "$CTX" >/dev/null; rm -rf "$CTX"
fi
if [[ "$REBUILD" == --rebuild ]] || ! docker image inspect "$ASK" >/dev/null 2>&1; then
  CTX=$(mktemp -d); mkdir -p "$CTX/lib" "$CTX/classes"
  (cd "$REPO" && mvn -q -B $MVN_REPO -pl modules/recipes dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$CTX/cp.txt" >/dev/null)
  tr ':' '\n' <"$CTX/cp.txt" | while read -r jar; do [[ -n "$jar" ]] && cp "$jar" "$CTX/lib/"; done
  cp "$REPO"/modules/recipes/target/recipes-*.jar "$CTX/lib/" 2>/dev/null || cp -r "$REPO/modules/recipes/target/classes/." "$CTX/classes/"
  "$JDK/bin/javac" --release 21 -d "$CTX/classes" -cp "$CTX/lib/*:$CTX/classes" "$HERE/AskServerMain.java"
  printf 'FROM %s\nCOPY lib /app/lib\nCOPY classes /app/classes\nEXPOSE 8080\nENTRYPOINT ["java","-cp","/app/classes:/app/lib/*","AskServerMain"]\n' "$BASE" >"$CTX/Dockerfile"
  docker build -q -t "$ASK" "$CTX" >/dev/null; rm -rf "$CTX"
fi
echo "images ready: $BASE $SIM $ASK"
