package org.elisesweep.model;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Weight noise and synapse deletion after training (docs/model.md §8,
 * {@link NoiseParams.WeightNoise}), on the existing learning synapses
 * ({@link LearningSynapses#isLearning}) only. Stateless.
 */
final class WeightDisturbance {
    private WeightDisturbance() {
    }

    /**
     * <ol>
     * <li>when σ_w > 0, one normal deviate ξ_ij per learning synapse in (i, j) order from the
     *     weight-noise stream, and W_ij ← W_ij + σ_w·ξ_ij (additive) or W_ij·(1 + σ_w·ξ_ij)
     *     (multiplicative);</li>
     * <li>when f > 0, of the M learning synapses, listed in (i, j) order, round(f·M) chosen by a
     *     partial Fisher–Yates shuffle from the synapse-deletion stream (so a smaller f deletes a
     *     subset of a larger one) are set to 0 and removed from the synapse mask, so that
     *     plasticity (§3 step 8) keeps them at exactly 0.</li>
     * </ol>
     * Mutates {@code rows} (W by presynaptic rows) and the mask of {@code synapses} (replaced, not
     * modified); each stream starts afresh from the seed, so a repeat call draws the same. The
     * caller recomputes the dendritic input from the new W.
     */
    static void apply(NoiseParams.WeightNoise w, double[][] rows, LearningSynapses synapses, RandomStreams streams) {
        if (w.sigma() > 0) {
            addNoise(w, rows, synapses, streams.stream(RandomStreams.WEIGHT_NOISE));
        }
        if (w.deleteFraction() > 0) {
            deleteSynapses(w.deleteFraction(), rows, synapses, streams.stream(RandomStreams.SYNAPSE_DELETION));
        }
    }

    /** Step 1 of {@link #apply}. Mutates {@code rows}. */
    private static void addNoise(NoiseParams.WeightNoise w, double[][] rows, LearningSynapses synapses,
                                 UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        boolean additive = w.kind() == WeightNoiseKind.ADDITIVE;
        int n = rows.length;
        for (int i = 0; i < synapses.nLearn(); i++) {
            for (int j = 0; j < n; j++) {
                if (synapses.isLearning(j, i)) {
                    double x = w.sigma() * gauss.sample();
                    rows[j][i] = additive ? rows[j][i] + x : rows[j][i] * (1.0 + x);
                }
            }
        }
    }

    /**
     * Step 2 of {@link #apply}: deletes round(f·M) of the M learning synapses. Mutates
     * {@code rows} and the mask of {@code synapses}; the mask stays when nothing is deleted.
     */
    private static void deleteSynapses(double f, double[][] rows, LearningSynapses synapses,
                                       UniformRandomProvider rng) {
        int n = rows.length;
        int nLearn = synapses.nLearn();
        int[] pre = new int[nLearn * n];
        int[] post = new int[nLearn * n];
        int count = 0;
        for (int i = 0; i < nLearn; i++) {
            for (int j = 0; j < n; j++) {
                if (synapses.isLearning(j, i)) {
                    pre[count] = j;
                    post[count] = i;
                    count++;
                }
            }
        }
        int deleted = (int) Math.round(f * count);
        if (deleted == 0) {
            return;
        }
        double[][] mask = new double[n][n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                mask[j][i] = synapses.exists(j, i) ? 1.0 : 0.0;
            }
        }
        for (int k = 0; k < deleted; k++) {
            int r = k + rng.nextInt(count - k);
            int tj = pre[k];
            int ti = post[k];
            pre[k] = pre[r];
            post[k] = post[r];
            pre[r] = tj;
            post[r] = ti;
            mask[pre[k]][post[k]] = 0.0;
            rows[pre[k]][post[k]] = 0.0;
        }
        synapses.replaceMask(mask);
    }
}
