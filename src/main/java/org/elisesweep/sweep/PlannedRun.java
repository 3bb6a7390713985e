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
 */
public record PlannedRun(String pointId, int replicate, long seed, String parametersHocon) implements Serializable {
}
