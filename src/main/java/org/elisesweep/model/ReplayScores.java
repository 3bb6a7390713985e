package org.elisesweep.model;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Shift-invariant replay quality of one scenario (docs/model.md §7), per scored replay cycle
 * c = firstCycle … firstCycle + n − 1, and its summary.
 *
 * @param firstCycle  replay cycle of index 0 in the arrays
 * @param mse         minimum MSE over shifts, per cycle
 * @param sumCorr     maximum Σcorr over shifts, per cycle
 * @param bestShiftMs s*, the smallest MSE-minimising shift, in ms wrapped into (−T/2, T/2], per cycle
 * @param cycleMs     T, the cycle duration (ms)
 */
public record ReplayScores(int firstCycle, double[] mse, double[] sumCorr, double[] bestShiftMs, double cycleMs) {

    public int cycles() {
        return mse.length;
    }

    public double meanSumCorr() {
        return mean(sumCorr);
    }

    public double minSumCorr() {
        double min = Double.POSITIVE_INFINITY;
        for (double x : sumCorr) {
            min = Math.min(min, x);
        }
        return min;
    }

    public double meanMse() {
        return mean(mse);
    }

    /** Σcorr of the last scored cycle. */
    public double finalSumCorr() {
        return sumCorr[sumCorr.length - 1];
    }

    /**
     * Phase drift (ms per cycle): the least-squares slope of s* against cycle, after unwrapping
     * s* (each change taken into (−T/2, T/2]); 0 with fewer than two cycles.
     */
    public double driftMsPerCycle() {
        if (bestShiftMs.length < 2) {
            return 0.0;
        }
        SimpleRegression fit = new SimpleRegression();
        double unwrapped = bestShiftMs[0];
        fit.addData(0, unwrapped);
        for (int k = 1; k < bestShiftMs.length; k++) {
            unwrapped += wrap(bestShiftMs[k] - bestShiftMs[k - 1], cycleMs);
            fit.addData(k, unwrapped);
        }
        return fit.getSlope();
    }

    /** Index into the arrays of replay cycle c. */
    public int indexOf(int cycle) {
        return cycle - firstCycle;
    }

    /** x wrapped into (−T/2, T/2]. */
    static double wrap(double x, double cycleMs) {
        double w = x - cycleMs * Math.floor(x / cycleMs);   // [0, T)
        return w > cycleMs / 2 ? w - cycleMs : w;
    }

    private static double mean(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.length;
    }
}
