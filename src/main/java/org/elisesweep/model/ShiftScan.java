package org.elisesweep.model;

import java.util.Arrays;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The shift-invariant replay score of docs/model.md §7 for one replay cycle c: for every shift
 * s in [0, R), the window of samples [c·R + s, c·R + s + R) (running into cycle c + 1) is
 * compared with target samples 0…R−1. Keeps the minimum MSE, the maximum Σcorr (possibly at
 * another shift) and s*, the smallest shift whose MSE is within {@value #TIE} of the minimum.
 *
 * <p>All R² window products come from one FFT cross-correlation per neuron (O(R log R) rather
 * than O(R²)); window sums come from prefix sums. Plain-Java FFT, so results are reproducible.
 */
final class ShiftScan {
    /** MSE difference below which two shifts count as equally good (FFT rounding is ~1e-15). */
    static final double TIE = 1e-12;

    private final int nVis;
    private final int samples;
    private final int fftSize;
    private final DoubleFFT_1D fft;
    /** Packed real FFT of each zero-padded target row. */
    private final double[][] targetSpectrum;
    private final double[] sumY;
    private final double[] sumYY;
    private final double[] buffer;
    private final double[] prefix;
    private final double[] prefixSq;
    private final double[] mseByShift;
    private final double[] corrByShift;

    static {
        // one simulation per core already keeps every core busy: FFT threads would only oversubscribe
        pl.edu.icm.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1);
    }

    ShiftScan(double[][] target) {
        nVis = target.length;
        samples = target[0].length;
        fftSize = Integer.highestOneBit(2 * samples - 1) << 1;
        fft = new DoubleFFT_1D(fftSize);
        targetSpectrum = new double[nVis][];
        sumY = new double[nVis];
        sumYY = new double[nVis];
        for (int i = 0; i < nVis; i++) {
            double[] padded = new double[fftSize];
            System.arraycopy(target[i], 0, padded, 0, samples);
            for (int k = 0; k < samples; k++) {
                sumY[i] += target[i][k];
                sumYY[i] += target[i][k] * target[i][k];
            }
            fft.realForward(padded);
            targetSpectrum[i] = padded;
        }
        buffer = new double[fftSize];
        prefix = new double[2 * samples + 1];
        prefixSq = new double[2 * samples + 1];
        mseByShift = new double[samples];
        corrByShift = new double[samples];
    }

    /** Result for one cycle: best MSE, best Σcorr and s* (in samples, in [0, R)). */
    record Best(double mse, double sumCorr, int shift) {
    }

    /** Scores cycle c given its recording and that of cycle c + 1, both [neuron][sample]. */
    Best scan(double[][] cycle, double[][] following) {
        Arrays.fill(mseByShift, 0.0);
        Arrays.fill(corrByShift, 0.0);
        int r = samples;
        for (int i = 0; i < nVis; i++) {
            double[] a = buffer;
            System.arraycopy(cycle[i], 0, a, 0, r);
            System.arraycopy(following[i], 0, a, r, r);
            Arrays.fill(a, 2 * r, fftSize, 0.0);
            for (int k = 0; k < 2 * r; k++) {
                prefix[k + 1] = prefix[k] + a[k];
                prefixSq[k + 1] = prefixSq[k] + a[k] * a[k];
            }
            crossCorrelate(a, targetSpectrum[i]);
            for (int s = 0; s < r; s++) {
                double sx = prefix[s + r] - prefix[s];
                double sxx = prefixSq[s + r] - prefixSq[s];
                double sxy = a[s];
                mseByShift[s] += (sxx - 2 * sxy + sumYY[i]) / r;
                corrByShift[s] += CycleScore.pearson(sx, sumY[i], sxx, sumYY[i], sxy, r);
            }
        }
        double minMse = Double.POSITIVE_INFINITY;
        double maxCorr = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < r; s++) {
            minMse = Math.min(minMse, mseByShift[s]);
            maxCorr = Math.max(maxCorr, corrByShift[s]);
        }
        int best = 0;
        while (best < r - 1 && !(mseByShift[best] <= minMse + TIE)) {
            best++;
        }
        return new Best(Math.max(0.0, minMse / nVis), maxCorr, best);
    }

    /** In place: a ← IFFT(FFT(a)·conj(Y)), so a[s] = Σ_k a[s + k]·y[k] (no wrap for s + k < size). */
    private void crossCorrelate(double[] a, double[] y) {
        fft.realForward(a);
        a[0] *= y[0];
        a[1] *= y[1];
        for (int k = 1; k < fftSize / 2; k++) {
            double ar = a[2 * k];
            double ai = a[2 * k + 1];
            double yr = y[2 * k];
            double yi = y[2 * k + 1];
            a[2 * k] = ar * yr + ai * yi;
            a[2 * k + 1] = ai * yr - ar * yi;
        }
        fft.realInverse(a, true);
    }
}
