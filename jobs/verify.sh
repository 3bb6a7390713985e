#!/usr/bin/env bash
# Checks the tables of a sweep's output directory (see README, "Verify and repair"):
#   jobs/verify.sh out/quickstart                         -> one line per problem, a summary; exit 0 / 4 / 2
#   jobs/verify.sh out/x --sweep NAME --repair            -> damaged files to out/x/_quarantine/, rerun recomputes
#   jobs/verify.sh out/x --sweep NAME --prune-stale       -> removes rows the current sweep file no longer plans
# Reads every file in this JVM (no Spark). Builds the project first when the sources changed.
# Extra JVM options: ELISE_JAVA_OPTS.
source "$(dirname "${BASH_SOURCE[0]}")/lib/help.sh"
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/elise" verify "$@"
