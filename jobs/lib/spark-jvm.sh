# Sourced by the launch scripts: JVM options every JVM that runs Spark needs on Java 17 (the
# --add-opens list of Spark's JavaModuleOptions; without them Kryo fails), read from the one place
# they are stated, pom.xml's spark.add-opens property (which surefire and failsafe use too), and a
# loopback address for embedded Spark. Sets SPARK_JVM_OPTS.
SPARK_JVM_OPTS="$(sed -n 's:.*<spark.add-opens>\(.*\)</spark.add-opens>.*:\1:p' "$(dirname "${BASH_SOURCE[0]}")/../../pom.xml")"
if [[ -z "$SPARK_JVM_OPTS" ]]; then
  echo "jobs/lib/spark-jvm.sh: no <spark.add-opens> line in pom.xml" >&2
  exit 3
fi
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
