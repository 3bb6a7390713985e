#!/usr/bin/env bash
# Writes the HTML report of a sweep's output directory (see README, "Report"):
#   jobs/report.sh out/quickstart                 -> out/quickstart/report/index.html and figures/*.png
#   jobs/report.sh out/x --sweep NAME --report-dir DIR --no-resimulate
# Aggregates on embedded Spark (local[*]) in this JVM. Builds the project first when the sources
# changed. Extra JVM options: ELISE_JAVA_OPTS.
source "$(dirname "${BASH_SOURCE[0]}")/lib/help.sh"
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/elise" report "$@"
