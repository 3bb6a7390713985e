package org.elisesweep.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A validated sweep: everything needed to run it, and nothing that depends on where it runs.
 *
 * @param name       the sweep's name (letters, digits, - and _)
 * @param sourceFile where it was read from, for provenance
 * @param configHash SHA-256 (hex) of the sweep file's canonical content: its resolved HOCON tree
 *                   rendered as JSON with sorted keys, so comments and layout do not count
 * @param baseSeed   the seed replicate seeds derive from ({@link Seeding})
 * @param replicates simulations per point (≥ 1)
 * @param seeding    how replicate seeds are chosen
 * @param points     the points, in the order of {@link SweepFile}'s class comment
 * @param execution  how to run, not what
 * @param warnings   things worth saying before running (e.g. a Sobol count that is not a power of
 *                   two, integer parameters rounded from a range)
 */
public record SweepPlan(String name, String sourceFile, String configHash, long baseSeed, int replicates,
                        Seeding seeding, List<SweepPoint> points, Execution execution, List<String> warnings) {

    public SweepPlan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(seeding, "seeding");
        Objects.requireNonNull(execution, "execution");
        points = List.copyOf(points);
        warnings = List.copyOf(warnings);
        if (replicates < 1) {
            throw new IllegalArgumentException("replicates must be ≥ 1, got " + replicates);
        }
    }

    /**
     * Every simulation: each point's replicates 0..replicates-1 in turn, points in plan order.
     * The order is stable (the same file gives the same list), but nothing may depend on it for
     * results: a run's outcome depends only on its parameters and seed.
     */
    public List<PlannedRun> runs() {
        List<PlannedRun> runs = new ArrayList<>(simulations());
        for (SweepPoint p : points) {
            for (int k = 0; k < replicates; k++) {
                runs.add(new PlannedRun(p.pointId(), k, seedOf(p.pointId(), k), p.parametersHocon()));
            }
        }
        return Collections.unmodifiableList(runs);
    }

    /** Points × replicates. */
    public int simulations() {
        return Math.multiplyExact(points.size(), replicates);
    }

    /** The seed of one replicate of one point under this plan's seeding. */
    public long seedOf(String pointId, int replicate) {
        return seeding.seed(baseSeed, pointId, replicate);
    }
}
