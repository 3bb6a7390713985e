package org.elisesweep.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RateKernels} a vector of neurons at a time (jdk.incubator.vector): φ(u) = 1 / (1 +
 * exp(a·(b − u))) with the exponential of {@link Transfer#exp} evaluated lane by lane, the same
 * IEEE operations in the same order (no fused multiply-add; the table 2^(j/64) read by a gather),
 * so every lane has the bits of {@link Transfer#phi}. A vector with an argument outside
 * (−690, 690), where the scalar exp takes its special cases (overflow, underflow, subnormal
 * results, NaN), goes through {@link Transfer#phi}, as do the neurons left over after the
 * last whole vector. Holds scratch (the gather's indices, φ(v*)): one instance per loop.
 *
 * <p>Measured (RateKernelsBenchmark, one session, ns per step's rates of all neurons): 13 + 50
 * neurons 234 ± 4 against 429 ± 15 for {@link RateKernels.Scalar} (with 8 lanes, AVX-512, the
 * tails of 5 visible and 2 latent neurons stay scalar); a lock-step group of 8 such networks, 1 133 ± 60 against 3 398 ± 89. The vector
 * division is most of what remains.
 */
final class VectorRateKernels implements RateKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED.length() >= 8
            ? DoubleVector.SPECIES_512 : DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Integers with as many lanes as S, for the gather's indices. */
    private static final VectorSpecies<Integer> INDEX = VectorSpecies.of(int.class,
            VectorShape.forBitSize(S.vectorBitSize() / 2));
    /**
     * Below about −692.5 the scalar exp scales its result in two steps (k ≤ −1000), below −745 it
     * returns 0, from 709 on ∞: (−690, 690) keeps every lane on its general path.
     */
    private static final double FAST_LIMIT = 690.0;

    private final int[] index = new int[L];
    /** φ(v*) of the current call, grown as needed. */
    private double[] predicted = new double[0];

    @Override
    public void rates(StepConstants c, boolean dendrite, double etaFromVisible, double[] u, double[] vStar,
                      double[] rate, double[] coefFromVisible, double[] coefFromLatent, int from, int to) {
        final double slope = c.slope();
        final double threshold = c.threshold();
        phi(u, rate, from, to, slope, threshold);
        if (dendrite) {
            if (predicted.length < to) {
                predicted = new double[to];
            }
            final double[] pred = predicted;
            phi(vStar, pred, from, to, slope, threshold);
            final double etaLat = c.etaLat();
            for (int i = from; i < to; i++) {
                double err = rate[i] - pred[i];
                coefFromVisible[i] = etaFromVisible * err;
                coefFromLatent[i] = etaLat * err;
            }
        }
    }

    /**
     * y_i = φ(x_i) = 1 / (1 + e^(slope·(threshold − x_i))) for i in [from, to): {@link Transfer#exp}'s
     * operations lane by lane, in one loop body (a separate method for the vector exp was too
     * large for C2 to inline, and its vectors were then boxed: slower than the scalar loop).
     * Writes y.
     */
    private void phi(double[] x, double[] y, int from, int to, double slope, double threshold) {
        final int[] idx = index;
        int i = from;
        for (; i + L <= to; i += L) {
            DoubleVector a = DoubleVector.broadcast(S, threshold).sub(DoubleVector.fromArray(S, x, i)).mul(slope);
            if (!a.compare(VectorOperators.GT, -FAST_LIMIT).and(a.compare(VectorOperators.LT, FAST_LIMIT)).allTrue()) {
                for (int k = i; k < i + L; k++) {
                    y[k] = Transfer.phi(x[k], slope, threshold);
                }
                continue;
            }
            // a = (64·k + j)·ln2/64 + r, as in Transfer.exp
            DoubleVector shifted = a.mul(Transfer.INV_LN2_64).add(Transfer.SHIFTER);
            DoubleVector kd = shifted.sub(Transfer.SHIFTER);
            LongVector n = shifted.reinterpretAsLongs().sub(Transfer.SHIFTER_BITS);
            DoubleVector r = a.sub(kd.mul(Transfer.LN2_64_HI)).sub(kd.mul(Transfer.LN2_64_LO));
            n.and(Transfer.TABLE_SIZE - 1).convertShape(VectorOperators.L2I, INDEX, 0).reinterpretAsInts()
                    .intoArray(idx, 0);
            DoubleVector t = DoubleVector.fromArray(S, Transfer.TWO_POW_J_64, 0, idx, 0);
            DoubleVector p = r.mul(Transfer.C5).add(Transfer.C4);
            p = r.mul(p).add(Transfer.C3);
            p = r.mul(p).add(0.5);
            p = r.mul(p).add(1.0);
            p = r.mul(p);
            DoubleVector scale = n.lanewise(VectorOperators.ASHR, Transfer.TABLE_BITS).add(1023)
                    .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector e = t.add(t.mul(p)).mul(scale);
            DoubleVector.broadcast(S, 1.0).div(e.add(1.0)).intoArray(y, i);
        }
        for (; i < to; i++) {
            y[i] = Transfer.phi(x[i], slope, threshold);
        }
    }
}
