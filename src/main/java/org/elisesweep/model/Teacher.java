package org.elisesweep.model;

import java.util.List;

/**
 * The target potentials and teacher conductances of one pattern (docs/model.md §5),
 * precomputed for every Euler step ("bin") of one cycle. Immutable.
 *
 * <p>Arrays are bin-major ({@code [bin·N_vis + i]}) so that one step reads contiguous values.
 */
public final class Teacher {
    private final Pattern pattern;
    private final double stepMs;
    private final double eL;
    private final double eE;
    private final double eI;
    /** ℓ = λ/(1−λ)·(g_l + g_den), the teacher's total conductance G^E + G^I. */
    private final double ell;
    private final int nVis;
    private final int cycleBins;
    private final int binsPerStep;
    private final double[] uTarget;
    private final double[] rateTarget;
    private final double[] gExc;
    private final double[] gInh;

    /**
     * Euler steps per pattern step of {@code stepMs} ms.
     *
     * @throws InvalidParametersException unless that is a whole number ≥ 3
     */
    static int binsPerStep(ModelParams m, double stepMs) {
        double bins = stepMs / m.dt();
        int whole = (int) Math.round(bins);
        if (whole < 3 || Math.abs(bins - whole) > 1e-9 * bins) {
            throw new InvalidParametersException(List.of(new Violation("pattern.step-ms",
                    "must be a whole number (≥ 3) of Euler steps of " + m.dt() + " ms (got " + stepMs + " ms)")));
        }
        return whole;
    }

    /**
     * Euler steps per cycle of {@code pattern}, without building the teacher's arrays.
     *
     * @throws InvalidParametersException as {@link #binsPerStep}
     */
    static int cycleBins(Pattern pattern, ModelParams m, double stepMs) {
        return binsPerStep(m, stepMs) * pattern.steps();
    }

    public Teacher(Pattern pattern, ModelParams m, double stepMs) {
        binsPerStep = binsPerStep(m, stepMs);
        this.pattern = pattern;
        this.stepMs = stepMs;
        this.eL = m.eL();
        this.eE = m.eE();
        this.eI = m.eI();
        this.ell = m.lambda() / (1 - m.lambda()) * (m.gL() + m.gDen());
        nVis = pattern.neurons();
        cycleBins = cycleBins(pattern, m, stepMs);
        uTarget = new double[cycleBins * nVis];
        rateTarget = new double[cycleBins * nVis];
        gExc = new double[cycleBins * nVis];
        gInh = new double[cycleBins * nVis];
        for (int i = 0; i < nVis; i++) {
            for (int step = 0; step < pattern.steps(); step++) {
                boolean prev = pattern.isOn(i, step - 1);
                boolean cur = pattern.isOn(i, step);
                boolean next = pattern.isOn(i, step + 1);
                for (int b = 0; b < binsPerStep; b++) {
                    double u = targetPotential(prev, cur, next, b, binsPerStep, stepMs, eL);
                    int k = (step * binsPerStep + b) * nVis + i;
                    uTarget[k] = u;
                    rateTarget[k] = m.phi(u);
                }
            }
        }
        conductances(uTarget, gExc, gInh);
    }

    /**
     * The teacher conductances of docs/model.md §5 for targets {@code u} (bin-major, mV):
     * G^E = ℓ·(E_I − u)/(E_I − E_E), G^I = ℓ·(u − E_E)/(E_I − E_E), so that G^E + G^I = ℓ and
     * their reversal (G^E·E_E + G^I·E_I)/(G^E + G^I) is u. (For a noisy target outside
     * [E_I, E_E] one of them is negative; the nudging ℓ·(u − u_soma) keeps its form.)
     * Writes {@code gE} and {@code gI}.
     */
    void conductances(double[] u, double[] gE, double[] gI) {
        for (int k = 0; k < u.length; k++) {
            gE[k] = ell * (eI - u[k]) / (eI - eE);
            gI[k] = ell * (u[k] - eE) / (eI - eE);
        }
    }

    /**
     * u_tgt under a time warp (teacher timing jitter, docs/model.md §8): pattern step k occupies
     * bins [p_k, p_{k+1}) instead of [k·B, (k+1)·B), B = {@link #binsPerStep()}, and bin b of it
     * takes the target of the clean step at position (b − p_k)·B/(p_{k+1} − p_k), evaluated by
     * the table of §5 at that (fractional) position. With p_k = k·B this is the clean target,
     * bit for bit. Writes {@code out}, bin-major.
     *
     * @param boundaries p_0 = 0 < p_1 < … < p_K = TB, the step boundaries in bins (K + 1 values)
     */
    void warpedTargets(double[] boundaries, double[] out) {
        for (int i = 0; i < nVis; i++) {
            int step = 0;
            for (int b = 0; b < cycleBins; b++) {
                while (b >= boundaries[step + 1]) {
                    step++;
                }
                double position = (b - boundaries[step]) * binsPerStep / (boundaries[step + 1] - boundaries[step]);
                out[b * nVis + i] = targetPotential(pattern.isOn(i, step - 1), pattern.isOn(i, step),
                        pattern.isOn(i, step + 1), position, binsPerStep, stepMs, eL);
            }
        }
    }

    /**
     * u_tgt in bin b of a step of B bins and L ms, given whether the previous, this and the
     * next step are on: the table of docs/model.md §5, with its bin thresholds written as
     * comparisons of b and B (t ≥ 2L/3 ⇔ 3b ≥ 2B, and so on), exact for whole b. A fractional
     * b (a jittered teacher) is a position between bins.
     */
    static double targetPotential(boolean prev, boolean cur, boolean next, double b, int bins, double stepMs,
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

    /** Bin-major u_tgt, shared: do not modify. */
    double[] targetArray() {
        return uTarget;
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
