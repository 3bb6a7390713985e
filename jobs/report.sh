#!/usr/bin/env bash
# Writes the HTML report of a sweep's output directory (see README, "Report"):
#   jobs/report.sh out/quickstart                 -> out/quickstart/report/index.html and figures/*.png
#   jobs/report.sh out/x --sweep NAME --report-dir DIR --no-resimulate
# Aggregates on embedded Spark (local[*]) in this JVM. Builds the project first when the sources
# changed. Extra JVM options: ELISE_JAVA_OPTS.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/jobs/lib/build.sh"
ensure_built compile
cp_file="$CLASSPATH_FILE"
source "$(dirname "${BASH_SOURCE[0]}")/lib/spark-jvm.sh"
exec java ${ELISE_JAVA_OPTS:--Xmx4g} $SPARK_JVM_OPTS -Dlog4j.configurationFile="$root/conf/log4j2.properties" \
  -cp "$root/target/classes:$(cat "$cp_file")" org.elisesweep.cli.EliseCommand report "$@"
