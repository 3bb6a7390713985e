package org.elisesweep.model;

/**
 * MSE and Σcorr of one recorded cycle against the target (docs/model.md §7).
 *
 * @param mse     mean over neurons and samples of (o − y)²
 * @param sumCorr sum over neurons of the Pearson correlation of o_i and y_i (0 for a series with no variance)
 */
public record CycleScore(double mse, double sumCorr) {
    /** Relative variance below which a series counts as constant and its correlation as 0. */
    static final double CONSTANT_SERIES = 1e-10;

    /**
     * Scores recorded rates o against target rates y, both [neuron][sample], sample k against
     * sample k (no shift): the learning-curve score of §7.
     */
    public static CycleScore unshifted(double[][] o, double[][] y) {
        int nVis = y.length;
        int samples = y[0].length;
        double sq = 0;
        double corr = 0;
        for (int i = 0; i < nVis; i++) {
            double sx = 0;
            double sy = 0;
            double sxx = 0;
            double syy = 0;
            double sxy = 0;
            for (int k = 0; k < samples; k++) {
                double a = o[i][k];
                double b = y[i][k];
                sq += (a - b) * (a - b);
                sx += a;
                sy += b;
                sxx += a * a;
                syy += b * b;
                sxy += a * b;
            }
            corr += pearson(sx, sy, sxx, syy, sxy, samples);
        }
        return new CycleScore(sq / ((double) nVis * samples), corr);
    }

    /**
     * Pearson's r from the sums Σx, Σy, Σx², Σy², Σxy of n pairs; 0 (never NaN) when either
     * series is constant, i.e. its variance is below {@value #CONSTANT_SERIES} of its Σx².
     */
    static double pearson(double sx, double sy, double sxx, double syy, double sxy, int n) {
        double varX = sxx - sx * sx / n;
        double varY = syy - sy * sy / n;
        if (!(varX > CONSTANT_SERIES * sxx) || !(varY > CONSTANT_SERIES * syy)) {
            return 0.0;
        }
        double r = (sxy - sx * sy / n) / Math.sqrt(varX * varY);
        return Math.max(-1.0, Math.min(1.0, r));
    }
}
