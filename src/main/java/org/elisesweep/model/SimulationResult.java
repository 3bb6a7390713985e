package org.elisesweep.model;

import java.util.List;

/**
 * What one simulation produced. A diverged, timed-out or failed simulation is a result too,
 * with its status and message; only the fields reached before the failure are filled.
 *
 * @param status        OK unless training or a replay scenario diverged, the time budget ran out, or an error occurred
 * @param message       what went wrong ("" when OK)
 * @param steps         Euler steps simulated
 * @param wallSeconds   wall-clock time of the whole simulation
 * @param curve         learning curve (validation cycles reached)
 * @param scenarios     replay scenarios, undisturbed first (empty if training failed)
 * @param weights       analysis of W after training, before any weight noise or deletion (null if training failed)
 */
public record SimulationResult(Status status, String message, long steps, double wallSeconds, LearningCurve curve,
                               List<ScenarioResult> scenarios, WeightSummary weights) {

    /** Microseconds of wall time per Euler step (including scoring). */
    public double microsPerStep() {
        return steps == 0 ? Double.NaN : wallSeconds * 1e6 / steps;
    }

    /** The scenario of that name, or null. */
    public ScenarioResult scenario(String name) {
        for (ScenarioResult s : scenarios) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }
}
