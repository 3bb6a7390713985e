package org.elisesweep.spark;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;
import org.elisesweep.model.Status;

/**
 * What one task reports back to the driver: simulations per status, the first failure's message,
 * and the Euler steps simulated, those stepped in lock-step groups apart.
 */
final class BatchOutcome implements Serializable {
    private static final long serialVersionUID = 1L;

    final int[] byStatus = new int[Status.values().length];
    String firstFailure = "";
    long steps;
    long stepsInGroups;
    double simulationSeconds;

    void add(Status status, String message, long simulatedSteps, long simulatedInGroups, double seconds) {
        byStatus[status.ordinal()]++;
        if (status != Status.OK && firstFailure.isEmpty()) {
            firstFailure = status + ": " + message;
        }
        steps += simulatedSteps;
        stepsInGroups += simulatedInGroups;
        simulationSeconds += seconds;
    }

    /** Simulations of this batch with a status other than OK. */
    int failures() {
        int n = 0;
        for (Status s : Status.values()) {
            n += s == Status.OK ? 0 : byStatus[s.ordinal()];
        }
        return n;
    }

    Map<Status, Integer> counts() {
        Map<Status, Integer> m = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            m.put(s, byStatus[s.ordinal()]);
        }
        return m;
    }
}
