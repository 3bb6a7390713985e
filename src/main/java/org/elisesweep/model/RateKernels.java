package org.elisesweep.model;

/**
 * The rates and learning coefficients of a step (docs/model.md §3 steps 7–8) over a range of
 * neurons, φ of §2 evaluated with {@link Transfer#phi}'s bits: {@link Scalar}, one neuron at a
 * time, or {@code VectorRateKernels}, a vector of neurons at a time (jdk.incubator.vector), the
 * same operations lane by lane. One instance per loop: the vector kernels hold scratch.
 */
interface RateKernels {
    /**
     * r_i = φ(u_i) and, with a dendrite, err_i = r_i − φ(v*_i), {@code coefFromVisible[i]} =
     * etaFromVisible·err_i (η_vis onto visible targets, η_lat onto latents) and
     * {@code coefFromLatent[i]} = η_lat·err_i, for i in [from, to). Writes rate and, with a
     * dendrite, the two coefficient arrays (mV per step).
     */
    void rates(StepConstants c, boolean dendrite, double etaFromVisible, double[] u, double[] vStar, double[] rate,
               double[] coefFromVisible, double[] coefFromLatent, int from, int to);

    /**
     * New kernels for one loop: the vector ones when this JVM has the Vector API and C2
     * ({@link VectorModule}) and they load (a vector shape they cannot use, such as one lane,
     * fails their class initialisation), else the scalar ones, silently: the same bits.
     */
    static RateKernels create() {
        if (VectorModule.USABLE) {
            try {
                return new VectorRateKernels();
            } catch (LinkageError e) {
                // fall through to the scalar kernels
            }
        }
        return new Scalar();
    }

    /** One neuron at a time. Stateless. */
    final class Scalar implements RateKernels {
        @Override
        public void rates(StepConstants c, boolean dendrite, double etaFromVisible, double[] u, double[] vStar,
                          double[] rate, double[] coefFromVisible, double[] coefFromLatent, int from, int to) {
            final double slope = c.slope();
            final double threshold = c.threshold();
            final double etaLat = c.etaLat();
            if (dendrite) {
                for (int i = from; i < to; i++) {
                    double r = Transfer.phi(u[i], slope, threshold);
                    double err = r - Transfer.phi(vStar[i], slope, threshold);
                    rate[i] = r;
                    coefFromVisible[i] = etaFromVisible * err;
                    coefFromLatent[i] = etaLat * err;
                }
            } else {
                for (int i = from; i < to; i++) {
                    rate[i] = Transfer.phi(u[i], slope, threshold);
                }
            }
        }
    }
}
