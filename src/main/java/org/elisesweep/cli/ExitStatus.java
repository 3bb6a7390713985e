package org.elisesweep.cli;

/** The exit statuses of every elise command: the README's "Exit statuses" table, stated once here. */
final class ExitStatus {
    /** Everything planned is done (or the command succeeded). */
    static final int OK = 0;
    /** Stopped early (fail-fast), or a simulation did not end OK ({@code elise run}). */
    static final int STOPPED = 1;
    /** Invalid input, or refused (another driver holds the output's lease, a damaged table). */
    static final int INVALID = 2;
    /** A failure of the infrastructure: file system, network, Spark start-up, disk full. */
    static final int INFRASTRUCTURE = 3;
    /** {@code elise verify} found problems. */
    static final int PROBLEMS_FOUND = 4;
    /** Interrupted (Ctrl-C): what was committed stays. */
    static final int INTERRUPTED = 130;

    private ExitStatus() {
    }
}
