package org.elisesweep.spark;

import org.elisesweep.model.ProtocolParams;
import org.elisesweep.model.SimulationSpec;
import org.elisesweep.model.Status;

/**
 * The detail rows a committed simulation has, derived from its parameters and the protocol
 * ({@link org.elisesweep.model.Simulation}, {@link ResultRows}): one {@code curves} row per
 * validation cycle, one {@code replay} row per scenario (undisturbed and each clamp) and scored
 * replay cycle, one {@code robustness} row per clamp, one {@code networks} row when the batch stores
 * networks. An OK simulation has exactly these; an INVALID one none; one that diverged or timed
 * out stopped early, so it has at most these.
 */
record ExpectedRows(int curves, int replay, int robustness) {
    static final ExpectedRows NONE = new ExpectedRows(0, 0, 0);

    static ExpectedRows of(SimulationSpec spec) {
        ProtocolParams p = spec.protocol();
        int validations = (p.trainingCycles() + p.validationPeriod() - 1) / p.validationPeriod();
        int scored = p.lastScoredReplayCycle() - p.firstScoredReplayCycle() + 1;
        int clamps = spec.clamps().size();
        return new ExpectedRows(validations, (1 + clamps) * scored, clamps);
    }

    /** Rows of {@code table} an OK simulation has. */
    int of(String table) {
        return switch (table) {
            case Tables.CURVES -> curves;
            case Tables.REPLAY -> replay;
            case Tables.ROBUSTNESS -> robustness;
            case Tables.NETWORKS -> equals(NONE) ? 0 : 1;
            default -> throw new IllegalArgumentException("no detail table " + table);
        };
    }

    /**
     * Why {@code have} rows of {@code table} are wrong for a simulation of {@code status}, or null
     * when they are right.
     */
    String problem(String table, Status status, int have) {
        int want = of(table);
        boolean exact = status == Status.OK || status == Status.INVALID;
        if (exact ? have == want : have <= want) {
            return null;
        }
        return have + " " + table + " rows where " + (exact ? "" : "at most ") + want + " belong to a simulation of "
                + "status " + status + " (" + unit(table) + ")";
    }

    private static String unit(String table) {
        return switch (table) {
            case Tables.CURVES -> "one per validation cycle";
            case Tables.REPLAY -> "one per scenario and scored replay cycle";
            case Tables.ROBUSTNESS -> "one per disturbance scenario";
            default -> "its trained network";
        };
    }
}
