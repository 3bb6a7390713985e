package org.elisesweep.sweep;

import java.io.Serializable;

/**
 * One simulation to run: a point and a replicate. Self-contained, so that an executor needs
 * nothing else: {@code SimulationConfig.parse(parametersHocon)} with {@code seed} set to
 * {@link #seed} gives its {@code SimulationSpec}.
 *
 * @param pointId         the point's canonical id ({@link SweepPoint#idOf})
 * @param replicate       0, 1, ..., replicates - 1
 * @param seed            the simulation's seed, from the sweep's {@link Seeding}
 * @param parametersHocon every parameter but the seed, as in {@link SweepPoint#parametersHocon()}
 * @param network         the stored trained network this run continues instead of training, or null
 * @param role            the point's role in a sensitivity design ({@link SweepPoint#role()}), or null
 */
public record PlannedRun(String pointId, int replicate, long seed, String parametersHocon, StoredNetwork network,
                         String role) implements Serializable {

    /** A run that trains its own network. */
    public PlannedRun(String pointId, int replicate, long seed, String parametersHocon) {
        this(pointId, replicate, seed, parametersHocon, null, null);
    }

    /** A run without a role in a sensitivity design. */
    public PlannedRun(String pointId, int replicate, long seed, String parametersHocon, StoredNetwork network) {
        this(pointId, replicate, seed, parametersHocon, network, null);
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
