package org.elisesweep.model;

import java.util.Arrays;

/**
 * Scores of the free-run validation cycles of training (docs/model.md §7), unshifted.
 *
 * @param cycles  training cycle of each validation run (0, PF, 2·PF, …)
 * @param mse     MSE per validation cycle
 * @param sumCorr Σcorr per validation cycle
 */
public record LearningCurve(int[] cycles, double[] mse, double[] sumCorr) {
    /** Fraction of N_vis that Σcorr must reach to count as learned. */
    public static final double LEARNED_FRACTION = 0.9;

    public int points() {
        return cycles.length;
    }

    /** First validation cycle with Σcorr ≥ 0.9·N_vis, or -1 if never. */
    public int learnedAtCycle(int nVis) {
        for (int k = 0; k < cycles.length; k++) {
            if (sumCorr[k] >= LEARNED_FRACTION * nVis) {
                return cycles[k];
            }
        }
        return -1;
    }

    /** MSE of the last validation cycle (NaN if none). */
    public double finalMse() {
        return mse.length == 0 ? Double.NaN : mse[mse.length - 1];
    }

    /** Σcorr of the last validation cycle (NaN if none). */
    public double finalSumCorr() {
        return sumCorr.length == 0 ? Double.NaN : sumCorr[sumCorr.length - 1];
    }

    LearningCurve truncated(int points) {
        return new LearningCurve(Arrays.copyOf(cycles, points), Arrays.copyOf(mse, points),
                Arrays.copyOf(sumCorr, points));
    }
}
