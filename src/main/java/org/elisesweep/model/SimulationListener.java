package org.elisesweep.model;

/** Observes a running simulation, e.g. to draw a progress bar. Called on the simulating thread. */
@FunctionalInterface
public interface SimulationListener {
    SimulationListener NONE = (phase, done, total) -> { };

    /**
     * After each simulated cycle.
     *
     * @param phase "training" or "replay:" + scenario name
     * @param done  cycles simulated so far in the whole simulation
     * @param total cycles the whole simulation runs when nothing diverges
     */
    void cycleDone(String phase, long done, long total);
}
