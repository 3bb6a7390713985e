# Sourced by the launch scripts whose JVM talks to the user (jobs/elise, an embedded jobs/sweep.sh).
# console_java ARGS... execs `java ARGS...` with the Vector API module (vector φ and lock-step
# groups: docs/performance.md) when this Java has it, but without the line "WARNING: Using incubator
# modules: jdk.incubator.vector" that such a JVM prints on standard error at start: it would precede
# every one-line message. Everything else on standard error passes through byte by byte (the
# progress bar redraws a line without ending it), and the filter ignores Ctrl-C, so the lines the
# JVM prints after an interrupt still arrive. The process stays the JVM's (exec), for signals and
# the exit status. ELISE_VECTOR=off leaves the module out.
console_java() {
  if [[ "${ELISE_VECTOR:-on}" == off ]] || ! java --list-modules 2>/dev/null | grep '^jdk\.incubator\.vector@' >/dev/null; then
    exec java "$@"
  fi
  exec java --add-modules=jdk.incubator.vector "$@" 2> >(trap '' INT; drop_incubator_warning >&2)
}

# Copies standard input to standard output, less the JVM's incubator warning among its first two
# lines (a "NOTE: Picked up JDK_JAVA_OPTIONS" line may come first), then unbuffered.
drop_incubator_warning() {
  local line k
  for k in 1 2; do
    IFS= read -r line || { printf '%s' "$line"; return 0; }
    if [[ "$line" == "WARNING: Using incubator modules: "* ]]; then break; fi
    printf '%s\n' "$line"
    [[ "$line" == "NOTE: Picked up "* ]] || break
  done
  exec cat
}
