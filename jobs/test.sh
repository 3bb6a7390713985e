#!/usr/bin/env bash
# Every test, as CI runs them (.ci/run calls this): unit tests, then the integration tests (a loopback
# Spark cluster, a MiniDFSCluster, stock spark-submit, the report in headless Chromium, the notes in a
# real Zeppelin).
#   jobs/test.sh                  installs what the tests need when missing, then mvn -B -ntp verify
#   jobs/test.sh -Dtest=X ...     further Maven arguments
# Installs Debian's chromium and chromium-driver (for ReportBrowserIT; needs root, as on CI) when they
# are missing; ZeppelinNotesIT runs when ../shared/tools/zeppelin (or $ELISE_ZEPPELIN_TOOLS) holds the
# Zeppelin build, and says why it is skipped otherwise.
source "$(dirname "${BASH_SOURCE[0]}")/lib/help.sh"
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
java -version 2>&1 | head -1
if ! command -v chromium > /dev/null || ! command -v chromedriver > /dev/null; then
  echo "installing chromium and chromium-driver for the browser test..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver > /dev/null
fi
chromium --version
if [[ -z "${ELISE_ZEPPELIN_TOOLS:-}" && -d ../shared/tools/zeppelin ]]; then
  export ELISE_ZEPPELIN_TOOLS="$(cd ../shared/tools/zeppelin && pwd)"
fi
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
exec mvn -B -ntp verify "$@"
