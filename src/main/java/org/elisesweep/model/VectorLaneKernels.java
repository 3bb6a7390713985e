package org.elisesweep.model;

import jdk.incubator.vector.DoubleVector;
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
 * loops. Loaded only when the module is present ({@link LaneKernels#BEST}).
 */
final class VectorLaneKernels implements LaneKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED.length() >= 8
            ? DoubleVector.SPECIES_512 : DoubleVector.SPECIES_PREFERRED;

    private final LaneKernels scalar = new Scalar();

    @Override
    public void updateAndAccumulate(double[] w, double[] c, double[] trace, double[] x, int j, double[] s, int from,
                                    int to, int lanes) {
        if (lanes % S.length() == 0) {
            update(w, null, c, trace, x, j, s, from, to, lanes);
        } else {
            scalar.updateAndAccumulate(w, c, trace, x, j, s, from, to, lanes);
        }
    }

    @Override
    public void maskedUpdateAndAccumulate(double[] w, double[] mask, double[] c, double[] trace, double[] x, int j,
                                          double[] s, int from, int to, int lanes) {
        if (lanes % S.length() == 0) {
            update(w, mask, c, trace, x, j, s, from, to, lanes);
        } else {
            scalar.maskedUpdateAndAccumulate(w, mask, c, trace, x, j, s, from, to, lanes);
        }
    }

    @Override
    public void accumulate(double[] w, double[] x, int j, double[] s, int from, int to, int lanes) {
        if (lanes % S.length() != 0) {
            scalar.accumulate(w, x, j, s, from, to, lanes);
            return;
        }
        final int row = j * lanes;
        for (int b = 0; b < lanes; b += S.length()) {
            DoubleVector xj = DoubleVector.fromArray(S, x, row + b);
            for (int i = from; i < to; i++) {
                int k = i * lanes + b;
                DoubleVector.fromArray(S, s, k).add(DoubleVector.fromArray(S, w, k).mul(xj)).intoArray(s, k);
            }
        }
    }

    /** W_ij += c_i·r̄_j (times mask_ij when {@code mask} is not null), then s_i += W_ij·x_j; lanes in blocks of S. */
    private static void update(double[] w, double[] mask, double[] c, double[] trace, double[] x, int j,
                               double[] s, int from, int to, int lanes) {
        final VectorSpecies<Double> sp = S;
        final int row = j * lanes;
        for (int b = 0; b < lanes; b += sp.length()) {
            DoubleVector t = DoubleVector.fromArray(sp, trace, row + b);
            DoubleVector xj = DoubleVector.fromArray(sp, x, row + b);
            for (int i = from; i < to; i++) {
                int k = i * lanes + b;
                DoubleVector dw = DoubleVector.fromArray(sp, c, k).mul(t);
                if (mask != null) {
                    dw = dw.mul(DoubleVector.fromArray(sp, mask, k));
                }
                DoubleVector wi = DoubleVector.fromArray(sp, w, k).add(dw);
                wi.intoArray(w, k);
                DoubleVector.fromArray(sp, s, k).add(wi.mul(xj)).intoArray(s, k);
            }
        }
    }
}
