#!/usr/bin/env bash
# A Spark standalone cluster on 127.0.0.1 made of the project's own dependency jars (no Spark
# installation needed): one Master and N Workers, web UIs on loopback.
#
#   jobs/local-cluster.sh start [workers=2] [cores-per-worker=1]   prints the master URL
#   jobs/local-cluster.sh status                                   each daemon's pid, or "stopped"
#   jobs/local-cluster.sh stop                                     ends exactly the processes it started
#   jobs/local-cluster.sh spark-home                               prints the generated SPARK_HOME
#
# State (generated SPARK_HOME with jars/, pid files, logs, worker dirs) lives in
# target/local-cluster (override with ELISE_CLUSTER_DIR). Ports: ELISE_MASTER_PORT (7077),
# ELISE_MASTER_UI_PORT (8080); worker w on 127.0.0.w, its UI on 8080 + w.
#
# A pid file is trusted only while its process is the one `start` launched: its command line
# (/proc/PID/cmdline) names the Spark Master or Worker class and carries the marker
# -Delise.local-cluster=STATE_DIR/NAME. Otherwise (the daemon died and its pid may now be another
# process's) the pid file is stale: `status`, `stop` and `start` remove it with a warning and
# signal nothing.
source "$(dirname "${BASH_SOURCE[0]}")/lib/help.sh"
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${ELISE_CLUSTER_DIR:-$root/target/local-cluster}"
port="${ELISE_MASTER_PORT:-7077}"
ui_port="${ELISE_MASTER_UI_PORT:-8080}"
master_url="spark://127.0.0.1:$port"
source "$root/jobs/lib/spark-jvm.sh"

# prints the generated SPARK_HOME (and creates it when missing or older than pom.xml)
spark_home() {
  # SPARK_HOME with jars/ = Spark and its dependencies from the local Maven repository
  if [[ ! -f "$dir/spark-home/.ready" || "$root/pom.xml" -nt "$dir/spark-home/.ready" ]]; then
    mkdir -p "$dir/spark-home/jars" "$dir/spark-home/conf"
    (cd "$root" && mvn -B -q -ntp -Dstyle.color=never dependency:build-classpath -Dmdep.includeScope=provided \
        -Dmdep.outputFile="$dir/spark-classpath.txt") > "$dir/build.log" 2>&1 || { cat "$dir/build.log" >&2; exit 1; }
    rm -f "$dir/spark-home/jars/"*.jar
    tr ':' '\n' < "$dir/spark-classpath.txt" | while read -r jar; do ln -sf "$jar" "$dir/spark-home/jars/"; done
    # the daemons log to their console (logs/*.log), their life cycle (which this script waits for) at INFO
    { cat "$root/conf/log4j2.properties"
      printf 'rootLogger.appenderRef.file.ref = console\nlogger.deploy.name = org.apache.spark.deploy\nlogger.deploy.level = info\n'; } \
      > "$dir/spark-home/conf/log4j2.properties"
    touch "$dir/spark-home/.ready"
  fi
}

marker() { echo "-Delise.local-cluster=$dir/$1"; }  # name; on the command line of the daemon of that name

# whether the pid file's process runs and is the daemon launch() started under that name
started() {  # pid file
  local name pid args
  name=$(basename "$1" .pid)
  pid=$(cat "$1" 2>/dev/null) || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  args=$({ tr '\0' '\n' < "/proc/$pid/cmdline"; } 2>/dev/null) || return 1
  grep -qFx -- "$(marker "$name")" <<< "$args" &&
    grep -qFx -e org.apache.spark.deploy.master.Master -e org.apache.spark.deploy.worker.Worker <<< "$args"
}

# whether the pid file names a daemon this script started; a stale one is removed with a warning
alive() {  # pid file
  [[ -f "$1" ]] || return 1
  started "$1" && return 0
  echo "warning: removing stale pid file $1: pid $(cat "$1") is not the $(basename "$1" .pid) this script started" \
    "(that daemon has ended; its pid is free or another process's)" >&2
  rm -f "$1"
  return 1
}

launch() {  # name, main class, args...
  local name=$1 cls=$2; shift 2
  mkdir -p "$dir/logs"
  SPARK_HOME="$dir/spark-home" SPARK_SCALA_VERSION=2.13 nohup java -Xmx1g $SPARK_JVM_OPTS "$(marker "$name")" \
    -Dlog4j.configurationFile="$dir/spark-home/conf/log4j2.properties" \
    -cp "$dir/spark-home/jars/*" "$cls" "$@" > "$dir/logs/$name.log" 2>&1 &
  echo $! > "$dir/$name.pid"
}

wait_for() {  # log file, pattern
  for _ in $(seq 1 120); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    sleep 0.5
  done
  echo "timed out waiting for '$2' in $1:" >&2; tail -20 "$1" >&2; return 1
}

case "${1:-status}" in
  start)
    workers="${2:-2}"; cores="${3:-1}"
    if alive "$dir/master.pid"; then echo "already running: $master_url" >&2; exit 1; fi
    spark_home
    export SPARK_HOME="$dir/spark-home"
    launch master org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port "$ui_port"
    wait_for "$dir/logs/master.log" "I have been elected leader"
    # worker w listens on 127.0.0.w (all of 127/8 is loopback): distinct hosts, as on a real cluster,
    # so that Spark's per-host rules (e.g. no speculative copy on the host of the original) apply
    for w in $(seq 1 "$workers"); do
      mkdir -p "$dir/work-$w"
      SPARK_LOCAL_IP="127.0.0.$w" launch "worker-$w" org.apache.spark.deploy.worker.Worker --host "127.0.0.$w" \
        --cores "$cores" --memory 2g --webui-port $((ui_port + w)) --work-dir "$dir/work-$w" "$master_url"
    done
    for w in $(seq 1 "$workers"); do wait_for "$dir/logs/worker-$w.log" "Successfully registered with master"; done
    echo "$master_url"
    ;;
  stop)
    for pidfile in "$dir"/worker-*.pid "$dir"/master.pid; do
      [[ -f "$pidfile" ]] || continue
      pid=$(cat "$pidfile")
      if alive "$pidfile"; then
        kill "$pid"
        for _ in $(seq 1 40); do started "$pidfile" || break; sleep 0.25; done
        if started "$pidfile"; then kill -9 "$pid"; fi
      fi
      rm -f "$pidfile"
    done
    ;;
  spark-home)
    spark_home
    echo "$dir/spark-home"
    ;;
  status)
    running=0
    for pidfile in "$dir"/master.pid "$dir"/worker-*.pid; do
      [[ -f "$pidfile" ]] || continue
      name=$(basename "$pidfile" .pid)
      if alive "$pidfile"; then echo "$name running (pid $(cat "$pidfile"))"; running=$((running + 1)); fi
    done
    if [[ -f "$dir/master.pid" ]]; then echo "master: $master_url, web UI http://127.0.0.1:$ui_port"; fi
    if ((running == 0)); then echo "stopped"; fi
    ;;
  *) echo "usage: $0 start [workers] [cores-per-worker] | stop | status" >&2; exit 2 ;;
esac
