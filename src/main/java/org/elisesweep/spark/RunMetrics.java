package org.elisesweep.spark;

import org.elisesweep.model.LearningCurve;
import org.elisesweep.model.Pattern;
import org.elisesweep.model.ReplayScores;
import org.elisesweep.model.ScenarioResult;
import org.elisesweep.model.SimulationResult;
import org.elisesweep.model.Status;

/**
 * The figures of one simulation in its {@code runs} row, from {@code status} to {@code steps} in
 * table order ({@link Tables#runs}): what depends only on parameters and seed, so that a rerun
 * reproduces every one of them bit for bit ({@link CommittedRun}). Non-finite values are null.
 */
final class RunMetrics {
    /** The first of these columns in {@code runs}; {@link #of} gives {@link #COUNT} values from it on. */
    static final String FIRST = "status";
    /** How many figures {@link #of} gives: counted from it, not stated a second time. */
    static final int COUNT = of(Status.ERROR, "", null, null).length;

    private RunMetrics() {
    }

    /**
     * @param pattern the simulation's target pattern, whose size and task figures (K, active fraction,
     *                Markov order, hash) are part of the row; null when the parameters gave none (INVALID)
     */
    static Object[] of(Status status, String message, SimulationResult r, Pattern pattern) {
        int nVis = pattern == null ? 0 : pattern.neurons();
        LearningCurve c = r == null ? null : r.curve();
        ScenarioResult undisturbed = r == null || r.scenarios().isEmpty() ? null : r.scenarios().get(0);
        ReplayScores rs = undisturbed == null ? null : undisturbed.scores();
        int learnedAt = c == null ? -1 : c.learnedAtCycle(nVis);
        return new Object[] {
            status.name(), message.isEmpty() ? null : message,
            learnedAt < 0 ? null : learnedAt,
            finite(c == null ? Double.NaN : c.finalMse()),
            finite(c == null ? Double.NaN : c.finalSumCorr()),
            finite(c == null ? Double.NaN : c.finalSumCorr() / nVis),
            rs == null ? null : rs.meanSumCorr(), rs == null ? null : rs.meanSumCorr() / nVis,
            rs == null ? null : rs.minSumCorr(), rs == null ? null : rs.minSumCorr() / nVis,
            rs == null ? null : rs.finalSumCorr(), rs == null ? null : rs.finalSumCorr() / nVis,
            rs == null ? null : rs.meanMse(),
            rs == null ? null : rs.driftMsPerCycle(),
            r == null || r.weights() == null ? null : finite(r.weights().spectralRadius()),
            nVis, pattern == null ? null : pattern.steps(), pattern == null ? null : pattern.activeFraction(),
            pattern == null ? null : pattern.markovOrder(), pattern == null ? null : pattern.sha256(),
            r == null ? 0L : r.steps()};
    }

    static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
