#!/usr/bin/env bash
# Runs a sweep file (see README):
#   jobs/sweep.sh conf/quickstart.conf                 embedded Spark (local[*]) in this JVM
#   jobs/sweep.sh conf/x.conf --out DIR --dry-run      size and core-hour estimate only
#   jobs/sweep.sh conf/x.conf --master spark://HOST:7077 [--conf k=v ...]   a cluster (issue 5)
# Builds the project first when the sources changed. Extra JVM options: ELISE_JAVA_OPTS.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cp_file="$root/target/sweep-classpath.txt"
if [[ ! -f "$cp_file" || -n "$(find "$root/src/main" "$root/pom.xml" -newer "$cp_file" -print -quit)" ]]; then
  echo "building elise-sweep (first run or sources changed)..." >&2
  mkdir -p "$root/target"
  (cd "$root" && mvn -B -q -ntp -Dstyle.color=never -DskipTests compile dependency:build-classpath \
      -Dmdep.includeScope=compile -Dmdep.outputFile="$cp_file") > "$root/target/build.log" 2>&1 \
    || { cat "$root/target/build.log" >&2; exit 1; }
  touch "$cp_file"
fi
source "$(dirname "${BASH_SOURCE[0]}")/lib/spark-jvm.sh"
exec java ${ELISE_JAVA_OPTS:--Xmx4g} $SPARK_JVM_OPTS -Dlog4j.configurationFile="$root/conf/log4j2.properties" \
  -cp "$root/target/classes:$(cat "$cp_file")" org.elisesweep.cli.EliseCommand sweep "$@"
