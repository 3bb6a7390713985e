#!/usr/bin/env bash
# JMH benchmarks of the step loop (src/test/java/org/elisesweep/bench).
#
#   jobs/bench.sh                         # every benchmark, default settings
#   jobs/bench.sh StepLoopBenchmark       # one class (any JMH regexp)
#   jobs/bench.sh StepLoopBenchmark -p nLat=50 -f 3 -i 10
#   jobs/bench.sh -l                      # list benchmarks; -h for JMH's help
#
# Builds the test classes with Maven, then runs org.openjdk.jmh.Main on the test classpath.
# Defaults: 1 fork, 3 warm-up iterations of 2 s, 5 measurement iterations of 2 s. Each default
# is added only when the same option is not among the arguments, so any of them can be overridden.
source "$(dirname "${BASH_SOURCE[0]}")/lib/help.sh"
set -euo pipefail

cd "$(dirname "$0")/.."
mkdir -p target

mvn -B -q -DskipTests test-compile
cp_file=target/bench-classpath.txt
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
classpath="target/test-classes:target/classes:$(cat "$cp_file")"

has_option() {
    local opt=$1 arg
    shift
    for arg in "$@"; do
        [[ $arg == "$opt" ]] && return 0
    done
    return 1
}

defaults=()
has_option -f "$@" || defaults+=(-f 1)
has_option -wi "$@" || defaults+=(-wi 3)
has_option -w "$@" || defaults+=(-w 2s)
has_option -i "$@" || defaults+=(-i 5)
has_option -r "$@" || defaults+=(-r 2s)

# the lock-step kernels' Vector API (LockstepBenchmark); JMH's forks inherit it
exec java --add-modules=jdk.incubator.vector -cp "$classpath" org.openjdk.jmh.Main "${defaults[@]}" "$@"
