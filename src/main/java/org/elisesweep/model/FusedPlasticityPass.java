package org.elisesweep.model;

import java.util.Arrays;

/**
 * The one pass over W per Euler step (docs/model.md §3): step 8 (plasticity) of the step just
 * run fused with step 1 (dendritic input) of the next, for every existing, learning synapse
 * W_ij += c_i·r̄_j (c_i = η_ij·(r_i − r*_i), in mV per step; r̄_j the presynaptic trace) and then
 * s_i = Σ_j W_ij·r_j^d (mV), the sum over j in ascending order. This changes no result against
 * two passes (each weight is updated before it is read) but reads and writes W once per step.
 *
 * <p>Rows go through {@link DendriticKernels} three at a time (two with a sparse mask), then one
 * by one: every s_i still receives its terms one by one in ascending j and every W_ij the same
 * update, so this is bit-identical to one row at a time, but s is loaded and stored once per
 * three rows, which is what limits the row loop (measured: see {@link DendriticKernels}).
 *
 * <p>Mutates the network's W, delayed rates r^d and dendritic input s; one per network, not
 * thread-safe.
 */
final class FusedPlasticityPass {
    private final NetworkState state;
    // the state's arrays (final there too): W by presynaptic rows, r̄, r^d, s
    private final double[][] weightRows;
    private final double[] trace;
    private final double[] delayedRate;
    private final double[] dendriticInput;
    final LearningSynapses synapses;
    final int[] dendriticDelay;
    private final int nVis;
    private final int n;
    /** Postsynaptic neurons whose incoming synapses learn: 0…nLearn−1. */
    final int nLearn;
    /** Postsynaptic neurons that have a dendrite: 0…nDendrite−1. */
    private final int nDendrite;

    FusedPlasticityPass(NetworkState state, LearningSynapses synapses, int nDendrite) {
        Wiring wiring = synapses.wiring();
        this.state = state;
        this.weightRows = state.weightRows;
        this.trace = state.trace;
        this.delayedRate = state.delayedRate;
        this.dendriticInput = state.dendriticInput;
        this.synapses = synapses;
        this.dendriticDelay = wiring.dendriticDelayArray();
        this.nVis = wiring.visibleNeurons();
        this.n = wiring.neurons();
        this.nLearn = synapses.nLearn();
        this.nDendrite = nDendrite;
    }

    /**
     * Plasticity of the step just run with the coefficients c (rows from visible neurons use
     * {@code coefFromVisible}, η_vis onto visible targets; rows from latents
     * {@code coefFromLatent}, η_lat everywhere), then r^d and s of the next step
     * ({@code state.step}). Mutates W, r^d and s; the coefficient arrays are restored before it
     * returns (a row's own diagonal coefficient is zeroed while the row runs).
     */
    void run(double[] coefFromVisible, double[] coefFromLatent) {
        final double[] rd = delayedRate;
        final double[] hist = state.history;
        final int[] denDelay = dendriticDelay;
        final int mask = state.historyLength - 1;
        final long next = state.step;
        NetworkState.delayedRates(hist, mask, next, denDelay, rd, 0, 1, n);
        Arrays.fill(dendriticInput, 0, nDendrite, 0.0);
        final double[][] synMask = synapses.mask();
        rowsPass(0, nVis, coefFromVisible, synMask);
        rowsPass(nVis, n, coefFromLatent, synMask);
    }

    /**
     * s_i = Σ_j W_ij·r_j^d for the next step, j ascending (§3 step 1), from the current W and r^d,
     * without plasticity (after the weights changed between cycles). Mutates s.
     */
    void recomputeInput() {
        Arrays.fill(dendriticInput, 0, nDendrite, 0.0);
        for (int j = 0; j < n; j++) {
            DendriticKernels.accumulate(weightRows[j], delayedRate[j], dendriticInput, 0, nDendrite);
        }
    }

    /**
     * Presynaptic rows [from, to), which all use learning coefficients {@code coef}: three rows
     * at a time (all-to-all) or two (sparse), then the rest one by one. An all-to-all block never
     * straddles nLearn (the groups [0, N_vis) and [N_vis, N) do not, and nLearn is N_vis or N), so
     * either all or none of its rows have their diagonal in the learning range. Two all-to-all rows
     * left with their diagonal in the learning range go one by one: at most one such pair per
     * group and step, not worth a third copy of the diagonal fix-up of {@link #rows3}.
     */
    private void rowsPass(int from, int to, double[] coef, double[][] synMask) {
        int j = from;
        if (synMask == null) {
            for (; j + 3 <= to && (j >= nLearn || j + 3 <= nLearn); j += 3) {
                rows3(j, coef);
            }
        }
        for (; j + 2 <= to && (synMask != null || j >= nLearn); j += 2) {
            rows2(j, coef, synMask);
        }
        for (; j < to; j++) {
            rows1(j, coef, synMask);
        }
    }

    /**
     * Rows j, j+1, j+2 of an all-to-all W. W_jj must not learn (c_j = 0 on row j's diagonal), but
     * the kernel takes one coefficient vector for the three rows. So the block's own 3×3 columns
     * [j, j+3) are first computed here exactly as a one-row-at-a-time pass computes them (same
     * operations, same order, c = 0 on the diagonal), the kernel then runs over the whole range,
     * and those 12 values (9 weights, 3 inputs) overwrite what it wrote there. (Splitting the
     * kernel's range around the block's columns, or small loops over them, cost more than the
     * blocking gains.)
     */
    private void rows3(int j, double[] coef) {
        final double[] input = dendriticInput;
        final double[] r0 = weightRows[j];
        final double[] r1 = weightRows[j + 1];
        final double[] r2 = weightRows[j + 2];
        final double t0 = trace[j];
        final double t1 = trace[j + 1];
        final double t2 = trace[j + 2];
        final double x0 = delayedRate[j];
        final double x1 = delayedRate[j + 1];
        final double x2 = delayedRate[j + 2];
        if (j >= nLearn) {
            // no diagonal in the learning range (reservoir, soma-only: latent rows)
            DendriticKernels.updateAndAccumulate3(r0, r1, r2, coef, t0, t1, t2, x0, x1, x2, input, 0, nLearn);
        } else {
            final int i0 = j;
            final int i1 = j + 1;
            final int i2 = j + 2;
            final double c0 = coef[i0];
            final double c1 = coef[i1];
            final double c2 = coef[i2];
            // W_{i,row} for the block's columns i0..i2, rows in order; 0.0 on the diagonal
            final double w00 = r0[i0] + 0.0 * t0;
            final double w01 = r0[i1] + c1 * t0;
            final double w02 = r0[i2] + c2 * t0;
            final double w10 = r1[i0] + c0 * t1;
            final double w11 = r1[i1] + 0.0 * t1;
            final double w12 = r1[i2] + c2 * t1;
            final double w20 = r2[i0] + c0 * t2;
            final double w21 = r2[i1] + c1 * t2;
            final double w22 = r2[i2] + 0.0 * t2;
            final double s0 = ((input[i0] + w00 * x0) + w10 * x1) + w20 * x2;
            final double s1 = ((input[i1] + w01 * x0) + w11 * x1) + w21 * x2;
            final double s2 = ((input[i2] + w02 * x0) + w12 * x1) + w22 * x2;
            DendriticKernels.updateAndAccumulate3(r0, r1, r2, coef, t0, t1, t2, x0, x1, x2, input, 0, nLearn);
            r0[i0] = w00;
            r0[i1] = w01;
            r0[i2] = w02;
            r1[i0] = w10;
            r1[i1] = w11;
            r1[i2] = w12;
            r2[i0] = w20;
            r2[i1] = w21;
            r2[i2] = w22;
            input[i0] = s0;
            input[i1] = s1;
            input[i2] = s2;
        }
        DendriticKernels.accumulate3(r0, r1, r2, x0, x1, x2, input, nLearn, nDendrite);
    }

    /** Rows j and j+1 of a sparse W (the mask is 0 on the diagonal), or of an all-to-all W with j ≥ nLearn. */
    private void rows2(int j, double[] coef, double[][] synMask) {
        final double[] r0 = weightRows[j];
        final double[] r1 = weightRows[j + 1];
        final double t0 = trace[j];
        final double t1 = trace[j + 1];
        final double x0 = delayedRate[j];
        final double x1 = delayedRate[j + 1];
        if (synMask != null) {
            DendriticKernels.maskedUpdateAndAccumulate2(r0, r1, synMask[j], synMask[j + 1], coef, t0, t1, x0, x1,
                    dendriticInput, 0, nLearn);
        } else {
            DendriticKernels.updateAndAccumulate2(r0, r1, coef, t0, t1, x0, x1, dendriticInput, 0, nLearn);
        }
        DendriticKernels.accumulate2(r0, r1, x0, x1, dendriticInput, nLearn, nDendrite);
    }

    /** Row j alone. */
    private void rows1(int j, double[] coef, double[][] synMask) {
        final double[] row = weightRows[j];
        final double t0 = trace[j];
        final double x0 = delayedRate[j];
        final double[] input = dendriticInput;
        if (synMask == null) {
            // with c_j = 0 for this row, W_jj stays exactly 0 and adds exactly 0 to s_j
            boolean diagonalLearns = j < nLearn;
            double cj = diagonalLearns ? coef[j] : 0.0;
            if (diagonalLearns) {
                coef[j] = 0.0;
            }
            DendriticKernels.updateAndAccumulate(row, coef, t0, x0, input, 0, nLearn);
            if (diagonalLearns) {
                coef[j] = cj;
            }
        } else {
            DendriticKernels.maskedUpdateAndAccumulate(row, synMask[j], coef, t0, x0, input, 0, nLearn);
        }
        DendriticKernels.accumulate(row, x0, input, nLearn, nDendrite);
    }
}
