package org.elisesweep.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LaneKernels} with the Vector API (jdk.incubator.vector), one vector lane per network:
 * for each neuron i the B networks' values of i are adjacent, so W_ij, c_i and s_i load as
 * vectors and r̄_j, x_j (one per network) as one vector per row. Only lane-wise add and multiply
 * (never a fused multiply-add, never across lanes), so every element has the bits of
 * {@link LaneKernels.Scalar}, whatever the vector width.
 *
 * <p>One species, a constant: the machine's preferred shape, at most 8 doubles. The API becomes
 * vector instructions only where C2 sees a constant species; a kernel that served two species
 * fell back to the API's Java implementation in a sweep (which ran 14× slower than without lock-step,
 * measured with jobs/bench-sweep.sh), so B not a multiple of the species' length takes the scalar
 * loops. In the three-row pass, which does nearly all of the work (the one-row kernels take only
 * the rows left over), B equal to the species' length (8 on AVX-512) has its own loop, whose
 * index i·8 has a constant stride, so C2 drops the bounds checks of the loads: 0.62 against 0.73
 * µs per network-step for the pass over W at 13 + 50. Three rows per pass load c and s once for
 * three rows: 0.73 against 0.90 µs for one row at a time. Where a block's diagonals learn, one
 * pass over the whole range and a fix-up of its own columns
 * ({@link #updateAndAccumulate3Diagonal}); variants that passed vectors to a helper method with
 * the loop, or kept a dozen vectors across it, took 15–30 µs per group step against 13.5
 * (session J; most likely C2 boxed the vectors there). Loaded only when the module is present
 * ({@link LaneKernels#BEST}).
 */
final class VectorLaneKernels implements LaneKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED.length() >= 8
            ? DoubleVector.SPECIES_512 : DoubleVector.SPECIES_PREFERRED;
    /** The species' length: one vector per neuron when B equals it. */
    private static final int L = S.length();

    private final LaneKernels scalar = new Scalar();

    /** Doubles per vector on this machine (at most 8). */
    static int width() {
        return L;
    }

    @Override
    public boolean takes(int lanes) {
        return lanes % L == 0;
    }

    @Override
    public void updateAndAccumulate(double[] w, double[] c, double[] trace, double[] x, int j, double[] s, int from,
                                    int to, int lanes) {
        if (lanes % L != 0) {
            scalar.updateAndAccumulate(w, c, trace, x, j, s, from, to, lanes);
            return;
        }
        for (int b = 0; b < lanes; b += L) {
            DoubleVector t = ofRow(trace, j, lanes, b);
            DoubleVector xj = ofRow(x, j, lanes, b);
            for (int i = from; i < to; i++) {
                update(w, c, t, xj, s, i * lanes + b);
            }
        }
    }

    @Override
    public void maskedUpdateAndAccumulate(double[] w, double[] mask, double[] c, double[] trace, double[] x, int j,
                                          double[] s, int from, int to, int lanes) {
        if (lanes % L != 0) {
            scalar.maskedUpdateAndAccumulate(w, mask, c, trace, x, j, s, from, to, lanes);
            return;
        }
        for (int b = 0; b < lanes; b += L) {
            DoubleVector t = ofRow(trace, j, lanes, b);
            DoubleVector xj = ofRow(x, j, lanes, b);
            for (int i = from; i < to; i++) {
                maskedUpdate(w, mask, c, t, xj, s, i * lanes + b);
            }
        }
    }

    @Override
    public void accumulate(double[] w, double[] x, int j, double[] s, int from, int to, int lanes) {
        if (lanes % L != 0) {
            scalar.accumulate(w, x, j, s, from, to, lanes);
            return;
        }
        for (int b = 0; b < lanes; b += L) {
            DoubleVector xj = ofRow(x, j, lanes, b);
            for (int i = from; i < to; i++) {
                accumulate(w, xj, s, i * lanes + b);
            }
        }
    }

    @Override
    public void updateAndAccumulate3(double[][] w, double[][] mask, double[] c, double[] trace, double[] x, int j,
                                     double[] s, int from, int to, int lanes) {
        if (lanes % L != 0) {
            scalar.updateAndAccumulate3(w, mask, c, trace, x, j, s, from, to, lanes);
            return;
        }
        final double[] w0 = w[j];
        final double[] w1 = w[j + 1];
        final double[] w2 = w[j + 2];
        for (int b = 0; b < lanes; b += L) {
            DoubleVector t0 = ofRow(trace, j, lanes, b);
            DoubleVector t1 = ofRow(trace, j + 1, lanes, b);
            DoubleVector t2 = ofRow(trace, j + 2, lanes, b);
            DoubleVector x0 = ofRow(x, j, lanes, b);
            DoubleVector x1 = ofRow(x, j + 1, lanes, b);
            DoubleVector x2 = ofRow(x, j + 2, lanes, b);
            if (mask != null) {
                final double[] m0 = mask[j];
                final double[] m1 = mask[j + 1];
                final double[] m2 = mask[j + 2];
                for (int i = from; i < to; i++) {
                    int k = i * lanes + b;
                    DoubleVector ci = DoubleVector.fromArray(S, c, k);
                    DoubleVector v0 = maskedWeight(w0, m0, ci, t0, k);
                    DoubleVector v1 = maskedWeight(w1, m1, ci, t1, k);
                    DoubleVector v2 = maskedWeight(w2, m2, ci, t2, k);
                    accumulate3(v0, v1, v2, x0, x1, x2, s, k);
                }
            } else if (lanes == L) {
                for (int i = from; i < to; i++) {
                    update3(w0, w1, w2, c, t0, t1, t2, x0, x1, x2, s, i * L);
                }
            } else {
                for (int i = from; i < to; i++) {
                    update3(w0, w1, w2, c, t0, t1, t2, x0, x1, x2, s, i * lanes + b);
                }
            }
        }
    }

    @Override
    public void updateAndAccumulate3Diagonal(double[][] w, double[] c, double[] trace, double[] x, int j, double[] s,
                                             int to, int lanes, double[] saved) {
        if (lanes % L != 0) {
            scalar.updateAndAccumulate3Diagonal(w, c, trace, x, j, s, to, lanes, saved);
            return;
        }
        final double[] w0 = w[j];
        final double[] w1 = w[j + 1];
        final double[] w2 = w[j + 2];
        final int k0 = j * lanes;
        final int k1 = k0 + lanes;
        final int k2 = k1 + lanes;
        // what the pass over the whole range overwrites wrongly: the diagonal weights W_jj, and s of the block's
        // columns (whose sums take them)
        System.arraycopy(w0, k0, saved, 0, lanes);
        System.arraycopy(w1, k1, saved, lanes, lanes);
        System.arraycopy(w2, k2, saved, 2 * lanes, lanes);
        System.arraycopy(s, k0, saved, 3 * lanes, 3 * lanes);
        updateAndAccumulate3(w, null, c, trace, x, j, s, 0, to, lanes);
        final DoubleVector zero = DoubleVector.zero(S);
        for (int b = 0; b < lanes; b += L) {
            // the diagonals as the one-row passes compute them, W_jj + 0·r̄_j; the other weights of the block's
            // columns are right
            for (int r = 0; r < 3; r++) {
                DoubleVector.fromArray(S, saved, r * lanes + b).add(zero.mul(ofRow(trace, j + r, lanes, b)))
                        .intoArray(w[j + r], (j + r) * lanes + b);
            }
            // then s of those columns again from the saved s, rows in order
            DoubleVector x0 = ofRow(x, j, lanes, b);
            DoubleVector x1 = ofRow(x, j + 1, lanes, b);
            DoubleVector x2 = ofRow(x, j + 2, lanes, b);
            for (int col = 0; col < 3; col++) {
                final int k = k0 + col * lanes + b;
                DoubleVector.fromArray(S, saved, 3 * lanes + col * lanes + b)
                        .add(DoubleVector.fromArray(S, w0, k).mul(x0))
                        .add(DoubleVector.fromArray(S, w1, k).mul(x1))
                        .add(DoubleVector.fromArray(S, w2, k).mul(x2)).intoArray(s, k);
            }
        }
    }

    @Override
    public void accumulate3(double[][] w, double[] x, int j, double[] s, int from, int to, int lanes) {
        if (lanes % L != 0) {
            scalar.accumulate3(w, x, j, s, from, to, lanes);
            return;
        }
        for (int b = 0; b < lanes; b += L) {
            DoubleVector x0 = ofRow(x, j, lanes, b);
            DoubleVector x1 = ofRow(x, j + 1, lanes, b);
            DoubleVector x2 = ofRow(x, j + 2, lanes, b);
            for (int i = from; i < to; i++) {
                int k = i * lanes + b;
                accumulate3(DoubleVector.fromArray(S, w[j], k), DoubleVector.fromArray(S, w[j + 1], k),
                        DoubleVector.fromArray(S, w[j + 2], k), x0, x1, x2, s, k);
            }
        }
    }

    @Override
    public void withinLimit(double[] u, double[] v, int n, int nV, double limit, boolean[] ok, int lanes) {
        if (lanes % L != 0) {
            scalar.withinLimit(u, v, n, nV, limit, ok, lanes);
            return;
        }
        for (int b = 0; b < lanes; b += L) {
            VectorMask<Double> within = S.maskAll(true);
            for (int i = 0; i < n; i++) {
                within = within.and(DoubleVector.fromArray(S, u, i * lanes + b).abs().compare(VectorOperators.LT, limit));
            }
            for (int i = 0; i < nV; i++) {
                within = within.and(DoubleVector.fromArray(S, v, i * lanes + b).abs().compare(VectorOperators.LT, limit));
            }
            within.intoArray(ok, b);
        }
    }

    @Override
    public void scaffold(StepConstants c, double[] hist, int[] target, int[] source, int[] delayE, int[] delayI,
                         int slot, int mask, int n, double[] gE, double[] gI, int lanes) {
        if (lanes % L != 0) {
            scalar.scaffold(c, hist, target, source, delayE, delayI, slot, mask, n, gE, gI, lanes);
            return;
        }
        final DoubleVector zero = DoubleVector.zero(S);
        final double gE0 = c.gE0();
        final double gI0 = c.gI0();
        final double rest = c.rest();
        for (int b = 0; b < lanes; b += L) {
            DoubleVector e = zero;
            DoubleVector inh = zero;
            int previous = -1;
            for (int k = 0; k < target.length; k++) {
                final int to = target[k];
                if (to != previous) {
                    e = zero;
                    inh = zero;
                    previous = to;
                }
                final int he = (((slot - delayE[k]) & mask) * n + source[k]) * lanes + b;
                final int hi = (((slot - delayI[k]) & mask) * n + source[k]) * lanes + b;
                e = e.add(DoubleVector.fromArray(S, hist, he).max(rest).mul(gE0));
                inh = inh.add(DoubleVector.fromArray(S, hist, hi).max(rest).mul(gI0));
                e.intoArray(gE, to * lanes + b);
                inh.intoArray(gI, to * lanes + b);
            }
        }
    }

    @Override
    public void delayedRates(double[] hist, int[] delay, int slot, int mask, int n, double[] rd, int lanes) {
        if (lanes % L != 0) {
            scalar.delayedRates(hist, delay, slot, mask, n, rd, lanes);
            return;
        }
        for (int j = 0; j < n; j++) {
            final int from = (((slot - delay[j]) & mask) * n + j) * lanes;
            for (int b = 0; b < lanes; b += L) {
                DoubleVector.fromArray(S, hist, from + b).intoArray(rd, j * lanes + b);
            }
        }
    }

    /** Row j's value (r̄_j, x_j) of networks b…b+L−1, from a vector by neuron, lanes innermost. */
    private static DoubleVector ofRow(double[] a, int j, int lanes, int b) {
        return DoubleVector.fromArray(S, a, j * lanes + b);
    }

    /** One vector of row j at k: W += c·r̄, then s += W·x. */
    private static void update(double[] w, double[] c, DoubleVector t, DoubleVector x, double[] s, int k) {
        DoubleVector wi = DoubleVector.fromArray(S, w, k).add(DoubleVector.fromArray(S, c, k).mul(t));
        wi.intoArray(w, k);
        DoubleVector.fromArray(S, s, k).add(wi.mul(x)).intoArray(s, k);
    }

    /** One vector of row j at k: W += (c·r̄)·mask, then s += W·x. */
    private static void maskedUpdate(double[] w, double[] mask, double[] c, DoubleVector t, DoubleVector x,
                                     double[] s, int k) {
        DoubleVector wi = maskedWeight(w, mask, DoubleVector.fromArray(S, c, k), t, k);
        DoubleVector.fromArray(S, s, k).add(wi.mul(x)).intoArray(s, k);
    }

    /** One vector of row j at k: s += W·x. */
    private static void accumulate(double[] w, DoubleVector x, double[] s, int k) {
        DoubleVector.fromArray(S, s, k).add(DoubleVector.fromArray(S, w, k).mul(x)).intoArray(s, k);
    }

    /** One vector of rows j, j+1, j+2 at k: each W += c·r̄, then s += W·x row by row. */
    private static void update3(double[] w0, double[] w1, double[] w2, double[] c, DoubleVector t0, DoubleVector t1,
                                DoubleVector t2, DoubleVector x0, DoubleVector x1, DoubleVector x2, double[] s,
                                int k) {
        DoubleVector ci = DoubleVector.fromArray(S, c, k);
        DoubleVector v0 = DoubleVector.fromArray(S, w0, k).add(ci.mul(t0));
        DoubleVector v1 = DoubleVector.fromArray(S, w1, k).add(ci.mul(t1));
        DoubleVector v2 = DoubleVector.fromArray(S, w2, k).add(ci.mul(t2));
        v0.intoArray(w0, k);
        v1.intoArray(w1, k);
        v2.intoArray(w2, k);
        accumulate3(v0, v1, v2, x0, x1, x2, s, k);
    }

    /** W += (c·r̄)·mask at k, stored; returns the new W. */
    private static DoubleVector maskedWeight(double[] w, double[] mask, DoubleVector c, DoubleVector t, int k) {
        DoubleVector wi = DoubleVector.fromArray(S, w, k).add(c.mul(t).mul(DoubleVector.fromArray(S, mask, k)));
        wi.intoArray(w, k);
        return wi;
    }

    /** s = ((s + W0·x0) + W1·x1) + W2·x2 at k: three rows in order. */
    private static void accumulate3(DoubleVector w0, DoubleVector w1, DoubleVector w2, DoubleVector x0,
                                    DoubleVector x1, DoubleVector x2, double[] s, int k) {
        DoubleVector.fromArray(S, s, k).add(w0.mul(x0)).add(w1.mul(x1)).add(w2.mul(x2)).intoArray(s, k);
    }
}
