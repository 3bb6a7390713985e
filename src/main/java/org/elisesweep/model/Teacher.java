package org.elisesweep.model;

/**
 * The target potentials and teacher conductances of one pattern (ELISE-MODEL.md §5),
 * precomputed for every Euler step ("bin") of one cycle. Immutable.
 *
 * <p>Arrays are bin-major ({@code [bin·N_vis + i]}) so that one step reads contiguous values.
 */
public final class Teacher {
    private final int nVis;
    private final int cycleBins;
    private final int binsPerStep;
    private final double[] uTarget;
    private final double[] rateTarget;
    private final double[] gExc;
    private final double[] gInh;

    public Teacher(Pattern pattern, ModelParams m, double stepMs) {
        double bins = stepMs / m.dt();
        binsPerStep = (int) Math.round(bins);
        if (binsPerStep < 3 || Math.abs(bins - binsPerStep) > 1e-9 * bins) {
            throw new InvalidParametersException(java.util.List.of(new Violation("pattern.step-ms",
                    "must be a whole number (≥ 3) of Euler steps of " + m.dt() + " ms (got " + stepMs + " ms)")));
        }
        nVis = pattern.neurons();
        cycleBins = binsPerStep * pattern.steps();
        uTarget = new double[cycleBins * nVis];
        rateTarget = new double[cycleBins * nVis];
        gExc = new double[cycleBins * nVis];
        gInh = new double[cycleBins * nVis];
        // ℓ = λ/(1−λ)·(g_l + g_den); G^E + G^I = ℓ and their reversal is u_tgt (§5)
        double ell = m.lambda() / (1 - m.lambda()) * (m.gL() + m.gDen());
        for (int i = 0; i < nVis; i++) {
            for (int step = 0; step < pattern.steps(); step++) {
                boolean prev = pattern.isOn(i, step - 1);
                boolean cur = pattern.isOn(i, step);
                boolean next = pattern.isOn(i, step + 1);
                for (int b = 0; b < binsPerStep; b++) {
                    double u = targetPotential(prev, cur, next, b, binsPerStep, stepMs, m.eL());
                    int k = (step * binsPerStep + b) * nVis + i;
                    uTarget[k] = u;
                    rateTarget[k] = m.phi(u);
                    gExc[k] = ell * (m.eI() - u) / (m.eI() - m.eE());
                    gInh[k] = ell * (u - m.eE()) / (m.eI() - m.eE());
                }
            }
        }
    }

    /**
     * u_tgt in bin b of a step of B bins and L ms, given whether the previous, this and the
     * next step are on: the table of ELISE-MODEL.md §5, with its bin thresholds written as
     * exact integer comparisons (t ≥ 2L/3 ⇔ 3b ≥ 2B, and so on).
     */
    static double targetPotential(boolean prev, boolean cur, boolean next, int b, int bins, double stepMs,
                                  double eL) {
        double t = b * stepMs / bins;
        double len = stepMs;
        boolean lateThird = 3 * b >= 2 * bins;   // t ≥ 2L/3
        boolean upToTwoThirds = 3 * b <= 2 * bins; // t ≤ 2L/3
        boolean upToThird = 3 * b <= bins;        // t ≤ L/3
        boolean beforeThird = 3 * b < bins;       // t < L/3
        boolean secondHalf = 2 * b >= bins;       // t ≥ L/2
        if (cur) {
            if (!prev && !next) {
                return secondHalf ? down(t - len, eL) : up(t, eL);
            } else if (!prev) {
                return upToTwoThirds ? up(t, eL) : up(len, eL);
            } else if (next) {
                return up(len, eL);
            } else {
                return beforeThird ? up(len, eL) : down(t - len, eL);
            }
        }
        if (prev && upToThird) {
            return down(t, eL);
        }
        if (next && lateThird) {
            return up(t - len, eL);
        }
        return eL;
    }

    /** Rising edge: E_l + 20 / (1 + exp(−0.7 − x)), x in ms. */
    static double up(double x, double eL) {
        return eL + 20.0 / (1.0 + StrictMath.exp(-0.7 - x));
    }

    /** Falling edge: E_l + 20 / (1 + exp(−0.7 + x)), x in ms. */
    static double down(double x, double eL) {
        return eL + 20.0 / (1.0 + StrictMath.exp(-0.7 + x));
    }

    public int visibleNeurons() {
        return nVis;
    }

    /** Euler steps per cycle, TB. */
    public int cycleBins() {
        return cycleBins;
    }

    public int binsPerStep() {
        return binsPerStep;
    }

    /** u_tgt of visible neuron i in bin b (mV). */
    public double targetPotential(int i, int b) {
        return uTarget[b * nVis + i];
    }

    /** Target rate φ(u_tgt) of visible neuron i in bin b. */
    public double targetRate(int i, int b) {
        return rateTarget[b * nVis + i];
    }

    /** Teacher excitatory conductance G^E of neuron i in bin b (1/ms). */
    public double excitation(int i, int b) {
        return gExc[b * nVis + i];
    }

    /** Teacher inhibitory conductance G^I of neuron i in bin b (1/ms). */
    public double inhibition(int i, int b) {
        return gInh[b * nVis + i];
    }

    /** Bin-major G^E, shared for the step loop: do not modify. */
    double[] excitationArray() {
        return gExc;
    }

    /** Bin-major G^I, shared for the step loop: do not modify. */
    double[] inhibitionArray() {
        return gInh;
    }

    /** The target rates at the recorded samples (bin 2k), as [neuron][sample]. */
    public double[][] sampledTargetRates() {
        int samples = cycleBins / 2;
        double[][] y = new double[nVis][samples];
        for (int i = 0; i < nVis; i++) {
            for (int k = 0; k < samples; k++) {
                y[i][k] = targetRate(i, 2 * k);
            }
        }
        return y;
    }
}
