# Sourced by the launch scripts. ensure_built SCOPE: compiles the project when target/ is missing
# or older than the sources, and writes the dependency class path of that Maven scope (runtime:
# without Spark; compile: with Spark; test: also the test classes' libraries, and the test classes
# are compiled too) to target/SCOPE-classpath.txt. Sets CLASSPATH_FILE. Build output goes to
# target/build.log and is shown only when the build fails.
ensure_built() {
  local scope=$1 root goal=compile
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  local sources=("$root/src/main" "$root/pom.xml")
  if [[ "$scope" == test ]]; then goal=test-compile; sources+=("$root/src/test"); fi
  CLASSPATH_FILE="$root/target/$scope-classpath.txt"
  if [[ ! -f "$CLASSPATH_FILE" || -n "$(find "${sources[@]}" -newer "$CLASSPATH_FILE" -print -quit)" ]]; then
    echo "building elise-sweep (first run or sources changed)..." >&2
    mkdir -p "$root/target"
    (cd "$root" && mvn -B -q -ntp -Dstyle.color=never -DskipTests "$goal" dependency:build-classpath \
        -Dmdep.includeScope="$scope" -Dmdep.outputFile="$CLASSPATH_FILE") > "$root/target/build.log" 2>&1 \
      || { cat "$root/target/build.log" >&2; exit 1; }
    touch "$CLASSPATH_FILE"
  fi
}
