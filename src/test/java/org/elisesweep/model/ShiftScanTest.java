package org.elisesweep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

/** The FFT shift scan against a direct O(R²) evaluation of docs/model.md §7's definition. */
class ShiftScanTest {
    private static final int NEURONS = 3;
    private static final int R = 300;

    private static double[][] random(SplittableRandom rng) {
        double[][] x = new double[NEURONS][R];
        for (double[] row : x) {
            for (int k = 0; k < R; k++) {
                row[k] = rng.nextDouble();
            }
        }
        return x;
    }

    /** The definition, literally: every shift, every window, Pearson from commons-math. */
    private static double[] direct(double[][] cycle, double[][] next, double[][] y) {
        double bestMse = Double.POSITIVE_INFINITY;
        double bestCorr = Double.NEGATIVE_INFINITY;
        int bestShift = -1;
        for (int s = 0; s < R; s++) {
            double sq = 0;
            double corr = 0;
            for (int i = 0; i < NEURONS; i++) {
                double[] window = new double[R];
                for (int k = 0; k < R; k++) {
                    window[k] = s + k < R ? cycle[i][s + k] : next[i][s + k - R];
                    sq += (window[k] - y[i][k]) * (window[k] - y[i][k]);
                }
                corr += new PearsonsCorrelation().correlation(window, y[i]);
            }
            double mse = sq / (NEURONS * R);
            if (mse < bestMse - 1e-12) {
                bestMse = mse;
                bestShift = s;
            }
            bestCorr = Math.max(bestCorr, corr);
        }
        return new double[] {bestMse, bestCorr, bestShift};
    }

    @Test
    void fftScanEqualsTheDirectDefinitionOnRandomData() {
        SplittableRandom rng = new SplittableRandom(3);
        double[][] y = random(rng);
        ShiftScan scan = new ShiftScan(y);
        for (int trial = 0; trial < 5; trial++) {
            double[][] a = random(rng);
            double[][] b = random(rng);
            ShiftScan.Best best = scan.scan(a, b);
            double[] expected = direct(a, b, y);
            assertEquals(expected[0], best.mse(), 1e-12);
            assertEquals(expected[1], best.sumCorr(), 1e-9);
            assertEquals((int) expected[2], best.shift());
        }
    }

    @Test
    void aShiftedCopyOfTheTargetIsFoundAtItsShift() {
        SplittableRandom rng = new SplittableRandom(4);
        double[][] y = random(rng);
        int shift = 77;
        double[][] cycle = new double[NEURONS][R];
        double[][] next = new double[NEURONS][R];
        for (int i = 0; i < NEURONS; i++) {
            for (int k = 0; k < R; k++) {
                // the output runs `shift` samples late: o(k) = y(k − shift), so the window at s = shift matches
                cycle[i][k] = y[i][Math.floorMod(k - shift, R)];
                next[i][k] = cycle[i][k];
            }
        }
        ShiftScan.Best best = new ShiftScan(y).scan(cycle, next);
        assertEquals(shift, best.shift());
        assertEquals(0.0, best.mse(), 1e-12);
        assertEquals(NEURONS, best.sumCorr(), 1e-9);
    }

    @Test
    void constantOutputScoresZeroCorrelationAndTheFirstShift() {
        SplittableRandom rng = new SplittableRandom(5);
        double[][] y = random(rng);
        double[][] flat = new double[NEURONS][R];
        for (double[] row : flat) {
            Arrays.fill(row, 0.0266);
        }
        ShiftScan.Best best = new ShiftScan(y).scan(flat, flat);
        assertEquals(0.0, best.sumCorr(), 0.0);
        assertEquals(0, best.shift());
        assertEquals(CycleScore.unshifted(flat, y).mse(), best.mse(), 1e-12);
    }

    @Test
    void unshiftedScoreMatchesCommonsMath() {
        SplittableRandom rng = new SplittableRandom(6);
        double[][] y = random(rng);
        double[][] o = random(rng);
        double corr = 0;
        for (int i = 0; i < NEURONS; i++) {
            corr += new PearsonsCorrelation().correlation(o[i], y[i]);
        }
        assertEquals(corr, CycleScore.unshifted(o, y).sumCorr(), 1e-12);
    }

    @Test
    void driftIsTheSlopeOfTheUnwrappedBestShift() {
        // s* advances 2 ms per cycle and wraps at ±T/2 = ±125 ms: drift is still 2 ms/cycle
        double[] shift = new double[100];
        for (int c = 0; c < shift.length; c++) {
            shift[c] = ReplayScores.wrap(100 + 2.0 * c, 250);
        }
        ReplayScores r = new ReplayScores(3, new double[100], new double[100], shift, 250);
        assertEquals(2.0, r.driftMsPerCycle(), 1e-9);
        assertEquals(125.0, ReplayScores.wrap(125.0, 250), 0.0);
        assertEquals(125.0, ReplayScores.wrap(-125.0, 250), 0.0);
        assertEquals(-124.0, ReplayScores.wrap(126.0, 250), 1e-12);
    }
}
