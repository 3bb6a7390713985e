package org.elisesweep.sweep;

import java.time.Duration;
import java.util.Objects;

/**
 * Execution options of a sweep file: how the sweep runs, never what it computes, so none of
 * them is part of a point's id.
 *
 * @param timeBudget  wall-time limit of one simulation, after which it becomes a TIMEOUT row;
 *                    {@link Duration#ZERO} = none
 * @param failFast    0 = off; else abort the sweep when its first {@code failFast} simulations all
 *                    fail with the same error (a broken setup, not an unlucky point)
 * @param taskSeconds target wall time of one Spark task, so that tasks last seconds to minutes
 */
public record Execution(Duration timeBudget, int failFast, double taskSeconds) {
    /** No time budget, no fail-fast, 20-second tasks. */
    public static final Execution DEFAULTS = new Execution(Duration.ZERO, 0, 20.0);

    public Execution {
        Objects.requireNonNull(timeBudget, "timeBudget");
        if (timeBudget.isNegative() || failFast < 0 || !(taskSeconds > 0) || Double.isInfinite(taskSeconds)) {
            throw new IllegalArgumentException("invalid execution options: time budget " + timeBudget
                    + ", fail-fast " + failFast + ", task seconds " + taskSeconds);
        }
    }
}
