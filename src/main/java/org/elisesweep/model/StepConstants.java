package org.elisesweep.model;

/**
 * The constants of one Euler step (docs/model.md §2–3), from {@link ModelParams}, with the
 * derived factors the step loops use; networks stepped together in lock-step must share them
 * ({@link LockstepLoop}). Units as in ModelParams: ms, mV, 1/ms; η per step. Immutable.
 *
 * @param traceGain g_l·g_den/(g_l + g_den), the trace's input factor (§3 step 6)
 * @param predGain  g_den/(g_l + g_den) and
 * @param predRest  g_l·E_l/(g_l + g_den): v* = predRest + predGain·v (§3 step 4)
 * @param rest      φ(E_l), the floor of the rates the scaffold sends
 */
record StepConstants(double dt, double gL, double gDen, double eL, double eE, double eI, double slope,
                     double threshold, double etaVis, double etaLat, double gE0, double gI0, long inhExtra,
                     double traceGain, double predGain, double predRest, double rest) {
    static StepConstants of(ModelParams m) {
        double gLeakDen = m.gL() + m.gDen();
        return new StepConstants(m.dt(), m.gL(), m.gDen(), m.eL(), m.eE(), m.eI(), m.slope(), m.threshold(),
                m.etaVis(), m.etaLat(), m.gE0(), m.gI0(), m.inhibitionExtraDelay(), m.gL() * m.gDen() / gLeakDen,
                m.gDen() / gLeakDen, m.gL() * m.eL() / gLeakDen, m.restRate());
    }

    /**
     * These constants with both learning rates 1: what networks stepped together must share, since
     * lock-step applies each network's own η ({@link LockstepLoop}; 1·x = x exactly, so η·(1·err)
     * has the bits of η·err).
     */
    StepConstants withUnitLearningRates() {
        return new StepConstants(dt, gL, gDen, eL, eE, eI, slope, threshold, 1.0, 1.0, gE0, gI0, inhExtra, traceGain,
                predGain, predRest, rest);
    }
}
