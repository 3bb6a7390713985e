package org.elisesweep.model;

/**
 * How a {@link Simulation} runs its cycles and counts its time: {@link #ALONE}, one network on
 * the calling thread, or a member of a lock-step group ({@link Lockstep}), whose cycles run
 * together with the other members' and whose clock counts its share of each common cycle. Either
 * way a network's results are the same bits.
 */
public interface Stepper {
    /** {@link Network#runCycle(Phase, boolean, Clamp, double[][])} of {@code net}, here or in a group. */
    long runCycle(Network net, Phase phase, boolean teacherOn, Clamp clamp, double[][] record);

    /** This simulation's clock (ns): its time budget and wall time are measured on it. */
    long nanoTime();

    /**
     * Euler steps of this simulation so far that ran stepped together with other networks (a
     * group's cycles that {@link LockstepLoop} could not take as a group run alone and do not
     * count): what the sweep summary reports, so that a user sees whether lock-step happened.
     */
    default long stepsInGroups() {
        return 0;
    }

    /** One network alone on the calling thread, on the wall clock. */
    Stepper ALONE = new Stepper() {
        @Override
        public long runCycle(Network net, Phase phase, boolean teacherOn, Clamp clamp, double[][] record) {
            return net.runCycle(phase, teacherOn, clamp, record);
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }
    };
}
