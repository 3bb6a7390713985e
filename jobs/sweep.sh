#!/usr/bin/env bash
# Runs a sweep file (see README):
#   jobs/sweep.sh conf/quickstart.conf                 embedded Spark (local[*]) in this JVM
#   jobs/sweep.sh conf/x.conf --out DIR --dry-run      size and core-hour estimate only
#   jobs/sweep.sh conf/x.conf --master spark://HOST:7077 [--conf k=v ...]
#       submits the application jar with $SPARK_HOME/bin/spark-submit when SPARK_HOME is set, else
#       with Spark's own SparkSubmit class from the project's dependency jars (client mode)
# Builds the project first when the sources changed. Extra JVM options: ELISE_JAVA_OPTS;
# ELISE_VECTOR=off starts the embedded JVM without the Vector API module (jobs/lib/console-jvm.sh).
source "$(dirname "${BASH_SOURCE[0]}")/lib/help.sh"
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/jobs/lib/build.sh"
ensure_built compile
cp_file="$CLASSPATH_FILE"
source "$(dirname "${BASH_SOURCE[0]}")/lib/spark-jvm.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib/console-jvm.sh"

master=""
for ((i = 1; i <= $#; i++)); do
  if [[ "${!i}" == --master ]]; then j=$((i + 1)); master="${!j}"; fi
  if [[ "${!i}" == --master=* ]]; then master="${!i#--master=}"; fi
done
if [[ -n "$master" && "$master" != local* ]]; then
  # a cluster: build the thin application jar and submit it
  app_jar=$(ls "$root"/target/elise-sweep-*-app.jar 2>/dev/null | head -1 || true)
  if [[ -z "$app_jar" || -n "$(find "$root/src/main" "$root/pom.xml" -newer "$app_jar" -print -quit)" ]]; then
    echo "packaging the application jar..." >&2
    (cd "$root" && mvn -B -q -ntp -Dstyle.color=never -DskipTests package) > "$root/target/build.log" 2>&1 \
      || { cat "$root/target/build.log" >&2; exit 1; }
    app_jar=$(ls "$root"/target/elise-sweep-*-app.jar | head -1)
  fi
  submit_conf=(--conf "spark.driver.extraJavaOptions=-Dlog4j.configurationFile=$root/conf/log4j2.properties"
               --properties-file "$root/conf/spark-defaults.conf")
  if [[ -n "${SPARK_HOME:-}" && -x "$SPARK_HOME/bin/spark-submit" ]]; then
    exec "$SPARK_HOME/bin/spark-submit" --class org.elisesweep.cli.EliseCommand "${submit_conf[@]}" \
      "$app_jar" sweep "$@"
  fi
  spark_jars=$("$root/jobs/local-cluster.sh" spark-home)
  exec java -Xmx2g $SPARK_JVM_OPTS -Dlog4j.configurationFile="$root/conf/log4j2.properties" \
    -cp "$spark_jars/jars/*" org.apache.spark.deploy.SparkSubmit --class org.elisesweep.cli.EliseCommand \
    "${submit_conf[@]}" "$app_jar" sweep "$@"
fi
console_java ${ELISE_JAVA_OPTS:--Xmx4g} $SPARK_JVM_OPTS -Dlog4j.configurationFile="$root/conf/log4j2.properties" \
  -cp "$root/target/classes:$(cat "$cp_file")" org.elisesweep.cli.EliseCommand sweep "$@"
