package org.elisesweep.sweep;

/** Where the search of one configuration stands (the {@code status} column of {@code frontiers}). */
public enum FrontierStatus {
    /** Still searching: more rounds will probe it. */
    RUNNING,
    /** The uncertainty interval of x* is as narrow as the precision asked for. */
    CONVERGED,
    /** Rounds or simulations ran out before the precision was reached. */
    BUDGET,
    /**
     * No crossing in the range, it lies below {@code from}: the criterion fails at {@code from} when it
     * should hold below the frontier, or holds at {@code from} when it should hold above it.
     */
    NO_CROSSING_BELOW,
    /**
     * No crossing in the range, it lies above {@code to}: the criterion holds at {@code to} when it
     * should fail above the frontier, or fails at {@code to} when it should hold above it.
     */
    NO_CROSSING_ABOVE;

    public boolean finished() {
        return this != RUNNING;
    }
}
