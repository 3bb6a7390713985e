#!/usr/bin/env bash
# Sweep benchmark: the same simulations by the Spark job on local[N] and by a plain thread pool
# of N threads, in one JVM; prints the ratio (Spark's overhead); then lock-step off against on.
#   jobs/bench-sweep.sh [threads=2] [training-cycles=2500] [simulations=8] [lockstep B=8] [shared|distinct wiring]
source "$(dirname "${BASH_SOURCE[0]}")/lib/help.sh"
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
mvn -B -q -ntp -Dstyle.color=never -DskipTests test-compile > target/build.log 2>&1 || { cat target/build.log >&2; exit 1; }
mvn -B -q -ntp -Dstyle.color=never dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt > target/build.log 2>&1 || { cat target/build.log >&2; exit 1; }
source "$(dirname "${BASH_SOURCE[0]}")/lib/spark-jvm.sh"
# the lock-step kernels' Vector API (pom.xml's vector.add-modules), its start-up warning left in
# this benchmark's output (jobs/lib/console-jvm.sh drops it for the user's commands)
exec java -Xmx4g --add-modules=jdk.incubator.vector $SPARK_JVM_OPTS \
  -Dlog4j.configurationFile=conf/log4j2.properties \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.elisesweep.bench.SweepBenchmark "$@"
