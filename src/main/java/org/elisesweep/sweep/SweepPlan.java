package org.elisesweep.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

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
 * @param networks   whether trained networks are stored, and where stored ones come from
 * @param storedRuns for a sweep on stored networks once resolved against them: every simulation, each
 *                   continuing its stored network (then {@code points} are the resolved points); else null
 * @param sensitivity for a sensitivity sweep, its section (its points are the design's); else null
 */
public record SweepPlan(String name, String sourceFile, String configHash, long baseSeed, int replicates,
                        Seeding seeding, List<SweepPoint> points, Execution execution, List<String> warnings,
                        Networks networks, List<PlannedRun> storedRuns, SensitivitySpec sensitivity) {

    /**
     * What a sweep does with trained networks.
     *
     * @param store         write each trained network to the {@code networks} table
     * @param source        for a sweep on stored networks: where they are; else null
     * @param overridePaths for a sweep on stored networks: the parameters it sets (in base or an axis),
     *                      which replace the stored networks' own; every other parameter comes from them
     */
    public record Networks(boolean store, NetworkSource source, SortedSet<String> overridePaths) {
        public static final Networks NONE = new Networks(false, null, new TreeSet<>());

        public Networks {
            overridePaths = Collections.unmodifiableSortedSet(new TreeSet<>(overridePaths));
        }
    }

    /**
     * The stored networks a sweep continues.
     *
     * @param output the output directory of the sweep that stored them (a path or Hadoop URI)
     * @param sweep  the name of that sweep, or null when the directory holds a single sweep
     */
    public record NetworkSource(String output, String sweep) implements Serializable {
        public NetworkSource {
            Objects.requireNonNull(output, "output");
        }
    }

    /** A plan that neither stores nor continues trained networks. */
    public SweepPlan(String name, String sourceFile, String configHash, long baseSeed, int replicates,
                     Seeding seeding, List<SweepPoint> points, Execution execution, List<String> warnings) {
        this(name, sourceFile, configHash, baseSeed, replicates, seeding, points, execution, warnings, Networks.NONE,
                null, null);
    }

    public SweepPlan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(seeding, "seeding");
        Objects.requireNonNull(execution, "execution");
        Objects.requireNonNull(networks, "networks");
        points = List.copyOf(points);
        warnings = List.copyOf(warnings);
        storedRuns = storedRuns == null ? null : List.copyOf(storedRuns);
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
        if (storedRuns != null) {
            return storedRuns;
        }
        List<PlannedRun> runs = new ArrayList<>(simulations());
        for (SweepPoint p : points) {
            for (int k = 0; k < replicates; k++) {
                runs.add(new PlannedRun(p.pointId(), k, seedOf(p.pointId(), k), p.parameters(), null, p.role()));
            }
        }
        return Collections.unmodifiableList(runs);
    }

    /** Points × replicates, or the resolved runs of a sweep on stored networks. */
    public int simulations() {
        if (storedRuns != null) {
            return storedRuns.size();
        }
        return Math.multiplyExact(points.size(), replicates);
    }

    /** Whether this sweep continues stored networks instead of training its own. */
    public boolean continuesStoredNetworks() {
        return networks.source() != null;
    }

    /**
     * This sweep on stored networks resolved against them: {@code resolvedPoints} and the runs that
     * continue each stored network.
     */
    public SweepPlan withStoredRuns(List<SweepPoint> resolvedPoints, List<PlannedRun> runs) {
        if (!continuesStoredNetworks()) {
            throw new IllegalStateException("sweep " + name + " does not continue stored networks");
        }
        return new SweepPlan(name, sourceFile, configHash, baseSeed, replicates, seeding, resolvedPoints, execution,
                warnings, networks, runs, sensitivity);
    }

    /** The seed of one replicate of one point under this plan's seeding. */
    public long seedOf(String pointId, int replicate) {
        return seeding.seed(baseSeed, pointId, replicate);
    }
}
