#!/usr/bin/env bash
# The notes of notebooks/ in Apache Zeppelin (verified with 0.12.0; see docs/notebooks.md):
#   jobs/zeppelin.sh import OUTPUT_DIR [--url http://host:port] [--replace]
#       imports every note into a running Zeppelin with its `output` set to OUTPUT_DIR (written into
#       the form's default: Zeppelin's import drops note forms), into a Zeppelin folder named after
#       OUTPUT_DIR; prints each note's URL
#   jobs/zeppelin.sh local OUTPUT_DIR [--port PORT] [--replace]
#       starts $ZEPPELIN_HOME on 127.0.0.1:PORT (default 8080) with its Spark interpreter on
#       $SPARK_HOME (Spark 3.3 to 3.5: Zeppelin 0.12 refuses Spark 4), then imports the notes
#   jobs/zeppelin.sh stop
#       stops the Zeppelin that `local` started
# State of `local` (conf, logs, pid, Zeppelin's notebook folder): target/zeppelin-local, or
# ELISE_ZEPPELIN_WORK.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${ELISE_ZEPPELIN_WORK:-$root/target/zeppelin-local}"

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; }
fail() { echo "error: $*" >&2; exit 2; }

# runs ZeppelinImport (test classes: it shares the note handling of the notes' checker)
import_notes() {
  source "$root/jobs/lib/build.sh"
  ensure_built test
  (cd "$root" && java -cp "$root/target/test-classes:$root/target/classes:$(cat "$CLASSPATH_FILE")" \
      org.elisesweep.notebooks.ZeppelinImport "$@")
}

answers() { curl -sf "$1/api/version" > /dev/null 2>&1; }

start_local() {  # port
  local port=$1 version
  [[ -n "${ZEPPELIN_HOME:-}" && -x "$ZEPPELIN_HOME/bin/zeppelin-daemon.sh" ]] \
    || fail "set ZEPPELIN_HOME to an Apache Zeppelin 0.12 installation (with bin/zeppelin-daemon.sh)"
  [[ -n "${SPARK_HOME:-}" && -x "$SPARK_HOME/bin/spark-submit" ]] \
    || fail "set SPARK_HOME to a Spark 3.3-3.5 installation (with bin/spark-submit) for Zeppelin's Spark interpreter"
  version=$("$SPARK_HOME/bin/spark-submit" --version 2>&1 | grep -m1 -o 'version [0-9][0-9.]*' | cut -d' ' -f2 || true)
  [[ "$version" == 3.* ]] || fail "SPARK_HOME=$SPARK_HOME is Spark ${version:-of unknown version}; Zeppelin 0.12 needs Spark 3.3-3.5 (the notes read Spark 4's tables with it)"
  mkdir -p "$work"/{conf,logs,run,notebook}
  cp "$ZEPPELIN_HOME"/conf/log4j*.properties "$work/conf/" 2>/dev/null || true
  cat > "$work/conf/zeppelin-site.xml" <<XML
<?xml version="1.0"?>
<configuration>
  <property><name>zeppelin.server.addr</name><value>127.0.0.1</value></property>
  <property><name>zeppelin.server.port</name><value>$port</value></property>
  <property><name>zeppelin.notebook.dir</name><value>$work/notebook</value></property>
  <property><name>zeppelin.interpreter.group.default</name><value>spark</value></property>
</configuration>
XML
  cat > "$work/conf/zeppelin-env.sh" <<ENV
export SPARK_HOME=$SPARK_HOME
export SPARK_MASTER='local[*]'
export SPARK_LOCAL_IP=127.0.0.1
export USE_HADOOP=${USE_HADOOP:-false}   # Spark's own Hadoop client reads local, HDFS and S3 paths
ENV
  echo "starting Zeppelin ($ZEPPELIN_HOME) on 127.0.0.1:$port with Spark $version; logs in $work/logs" >&2
  ZEPPELIN_LOG_DIR="$work/logs" ZEPPELIN_PID_DIR="$work/run" \
    "$ZEPPELIN_HOME/bin/zeppelin-daemon.sh" --config "$work/conf" start > "$work/logs/daemon.out" 2>&1 \
    || { cat "$work/logs/daemon.out" >&2; exit 1; }
  for _ in $(seq 1 120); do answers "http://127.0.0.1:$port" && return 0; sleep 1; done
  fail "Zeppelin did not answer on 127.0.0.1:$port within 120 s; see $work/logs"
}

command=${1:-}
case "$command" in
  -h | --help | help) usage ;;
  import)
    shift
    [[ $# -ge 1 && "$1" != -* ]] || { usage >&2; fail "import needs OUTPUT_DIR"; }
    import_notes "$@"
    ;;
  local)
    shift
    [[ $# -ge 1 && "$1" != -* ]] || { usage >&2; fail "local needs OUTPUT_DIR"; }
    output=$1; shift
    port=8080 rest=()
    while [[ $# -gt 0 ]]; do
      case "$1" in
        --port) port=${2:?--port needs a number}; shift 2 ;;
        *) rest+=("$1"); shift ;;
      esac
    done
    if answers "http://127.0.0.1:$port"; then
      echo "a Zeppelin already answers on 127.0.0.1:$port: importing into it" >&2
    else
      start_local "$port"
    fi
    import_notes "$output" --url "http://127.0.0.1:$port" "${rest[@]}"
    echo "stop it with: jobs/zeppelin.sh stop" >&2
    ;;
  stop)
    [[ -n "${ZEPPELIN_HOME:-}" ]] || fail "set ZEPPELIN_HOME (the installation that jobs/zeppelin.sh local started)"
    ZEPPELIN_LOG_DIR="$work/logs" ZEPPELIN_PID_DIR="$work/run" "$ZEPPELIN_HOME/bin/zeppelin-daemon.sh" --config "$work/conf" stop
    ;;
  *) usage >&2; [[ -z "$command" ]] || echo "error: unknown command '$command'" >&2; exit 2 ;;
esac
