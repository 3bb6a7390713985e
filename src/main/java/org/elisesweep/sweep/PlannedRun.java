package org.elisesweep.sweep;

import java.io.Serializable;

/**
 * One simulation to run: a point of a sweep and a replicate. Spark ships it to executors.
 *
 * @param pointId         the point's canonical id
 * @param replicate       replicate index, 0-based
 * @param seed            the simulation's seed
 * @param parametersHocon HOCON that {@link SimulationConfig#parse} turns into the point's simulation (seed left out)
 */
public record PlannedRun(String pointId, int replicate, long seed, String parametersHocon) implements Serializable {
}
