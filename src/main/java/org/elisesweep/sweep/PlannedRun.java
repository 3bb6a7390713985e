package org.elisesweep.sweep;

import java.io.Serializable;
import java.util.SortedMap;
import org.elisesweep.model.SimulationSpec;

/**
 * One simulation to run: a point and a replicate. Self-contained, so that an executor needs
 * nothing else: {@link #spec()} is its {@code SimulationSpec}.
 *
 * @param pointId    the point's canonical id ({@link SweepPoint#idOf})
 * @param replicate  0, 1, ..., replicates - 1
 * @param seed       the simulation's seed, from the sweep's {@link Seeding}
 * @param parameters every parameter but the seed, the point's own (typed) map, shared by its replicates
 * @param network    the stored trained network this run continues instead of training, or null
 * @param role       the point's role in a sensitivity design ({@link SweepPoint#role()}), or null
 */
public record PlannedRun(String pointId, int replicate, long seed, SortedMap<String, Object> parameters,
                         StoredNetwork network, String role) implements Serializable {

    /** A run that trains its own network. */
    public PlannedRun(String pointId, int replicate, long seed, SortedMap<String, Object> parameters) {
        this(pointId, replicate, seed, parameters, null, null);
    }

    /** A run without a role in a sensitivity design. */
    public PlannedRun(String pointId, int replicate, long seed, SortedMap<String, Object> parameters,
                      StoredNetwork network) {
        this(pointId, replicate, seed, parameters, network, null);
    }

    /**
     * This run's simulation, through the validation every point gets ({@link SimulationConfig#spec}).
     *
     * @throws ConfigProblems naming the point when its parameters are not a valid simulation
     */
    public SimulationSpec spec() {
        return SimulationConfig.spec(parameters, seed, "point " + pointId);
    }

    /**
     * Where a stored network is: a file of a {@code networks} table and its key there.
     *
     * @param file      the Parquet file (Hadoop URI)
     * @param pointId   the point that trained it
     * @param replicate its replicate
     */
    public record StoredNetwork(String file, String pointId, int replicate) implements Serializable {
    }
}
