#!/usr/bin/env bash
# JMH benchmarks of the step loop (src/test/java/org/elisesweep/bench).
#
#   jobs/bench.sh                         # every benchmark, default settings
#   jobs/bench.sh StepLoopBenchmark       # one class (any JMH regexp)
#   jobs/bench.sh StepLoopBenchmark -p nLat=50 -f 3 -i 10
#   jobs/bench.sh -l                      # list benchmarks; -h for JMH's help
#   jobs/bench.sh --profile LockstepBenchmark -p lanes=8 -p nLat=50 -p wiring=shared
#
# Builds the test classes with Maven, then runs org.openjdk.jmh.Main on the test classpath.
# Defaults: 1 fork, 3 warm-up iterations of 2 s, 5 measurement iterations of 2 s. Each default
# is added only when the same option is not among the arguments, so any of them can be overridden.
#
# --profile (first argument) also samples where the time goes, with async-profiler (fetched once
# from Maven Central into target/) driven by timer signals, which need no hardware counters:
# one HTML flame graph per benchmark and parameter set under target/profile/. The timings of a
# profiled run are a little slower; compare unprofiled runs. Frames of inlined methods are
# attributed approximately (docs/performance.md, "Profiling").
source "$(dirname "${BASH_SOURCE[0]}")/lib/help.sh"
set -euo pipefail

cd "$(dirname "$0")/.."
mkdir -p target

profile=()
if [[ ${1:-} == --profile ]]; then
    shift
    case $(uname -m) in
        x86_64) platform=linux-x64 ;;
        aarch64) platform=linux-arm64 ;;
        *) echo "bench.sh: --profile needs Linux on x86_64 or aarch64 (async-profiler's builds), not $(uname -m)" >&2
           exit 2 ;;
    esac
    profiler_version=3.0
    profiler_dir=$PWD/target/async-profiler-$profiler_version
    profiler_lib=$profiler_dir/$platform/libasyncProfiler.so
    if [[ ! -f $profiler_lib ]]; then
        mvn -B -q dependency:copy -Dartifact=tools.profiler:async-profiler:$profiler_version:jar:$platform \
            -DoutputDirectory="$profiler_dir"
        (cd "$profiler_dir" && jar xf "async-profiler-$profiler_version-$platform.jar" "$platform/libasyncProfiler.so")
    fi
    profile=(-prof "async:libPath=$profiler_lib;event=itimer;output=flamegraph;dir=$PWD/target/profile")
fi

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
exec java --add-modules=jdk.incubator.vector -cp "$classpath" org.openjdk.jmh.Main "${defaults[@]}" "${profile[@]}" "$@"
