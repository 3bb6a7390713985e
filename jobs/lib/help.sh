# Sourced first by every jobs/ script: `SCRIPT --help` prints the script's header comment, its
# usage, and exits before anything is built or started.
if [[ "${1:-}" == --help ]]; then
  sed -n '2,/^[^#]/{/^#/!q;s/^# \{0,1\}//;p}' "$0"
  exit 0
fi
