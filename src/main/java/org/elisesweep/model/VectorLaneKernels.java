package org.elisesweep.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LaneKernels} with the Vector API (jdk.incubator.vector), one vector lane per network:
 * for each neuron i the B networks' values of i are adjacent, so W_ij, c_i and s_i load as
 * vectors and r̄_j, x_j (one per network) as one vector per row. Only lane-wise add and multiply
 * (never a fused multiply-add, never across lanes), so every element has the bits of
 * {@link LaneKernels.Scalar}, whatever the vector width. The species are constants (the API is
 * compiled to vector instructions only then): 8, 4 or 2 doubles, the widest that divides B and
 * fits the machine's preferred shape; another B, or a machine without 128-bit vectors, takes the
 * scalar loops. Loaded only when the module is present ({@link LaneKernels#BEST}).
 */
final class VectorLaneKernels implements LaneKernels {
    private static final VectorSpecies<Double> S8 = DoubleVector.SPECIES_512;
    private static final VectorSpecies<Double> S4 = DoubleVector.SPECIES_256;
    private static final VectorSpecies<Double> S2 = DoubleVector.SPECIES_128;
    private static final int PREFERRED = DoubleVector.SPECIES_PREFERRED.length();

    private final LaneKernels scalar = new Scalar();

    /** The widest species for B lanes: 8, 4, 2, or 0 for the scalar loops. */
    private static int width(int lanes) {
        for (int len = Math.min(8, PREFERRED); len >= 2; len /= 2) {
            if (lanes % len == 0) {
                return len;
            }
        }
        return 0;
    }

    @Override
    public void updateAndAccumulate(double[] w, double[] c, double[] trace, double[] x, int j, double[] s, int from,
                                    int to, int lanes) {
        switch (width(lanes)) {
            case 8 -> update(S8, w, null, c, trace, x, j, s, from, to, lanes);
            case 4 -> update(S4, w, null, c, trace, x, j, s, from, to, lanes);
            case 2 -> update(S2, w, null, c, trace, x, j, s, from, to, lanes);
            default -> scalar.updateAndAccumulate(w, c, trace, x, j, s, from, to, lanes);
        }
    }

    @Override
    public void maskedUpdateAndAccumulate(double[] w, double[] mask, double[] c, double[] trace, double[] x, int j,
                                          double[] s, int from, int to, int lanes) {
        switch (width(lanes)) {
            case 8 -> update(S8, w, mask, c, trace, x, j, s, from, to, lanes);
            case 4 -> update(S4, w, mask, c, trace, x, j, s, from, to, lanes);
            case 2 -> update(S2, w, mask, c, trace, x, j, s, from, to, lanes);
            default -> scalar.maskedUpdateAndAccumulate(w, mask, c, trace, x, j, s, from, to, lanes);
        }
    }

    @Override
    public void accumulate(double[] w, double[] x, int j, double[] s, int from, int to, int lanes) {
        switch (width(lanes)) {
            case 8 -> accumulate(S8, w, x, j, s, from, to, lanes);
            case 4 -> accumulate(S4, w, x, j, s, from, to, lanes);
            case 2 -> accumulate(S2, w, x, j, s, from, to, lanes);
            default -> scalar.accumulate(w, x, j, s, from, to, lanes);
        }
    }

    /** W_ij += c_i·r̄_j (times mask_ij when {@code mask} is not null), then s_i += W_ij·x_j; lanes in blocks of sp. */
    private static void update(VectorSpecies<Double> sp, double[] w, double[] mask, double[] c, double[] trace,
                               double[] x, int j, double[] s, int from, int to, int lanes) {
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

    /** s_i += W_ij·x_j; lanes in blocks of sp. */
    private static void accumulate(VectorSpecies<Double> sp, double[] w, double[] x, int j, double[] s, int from,
                                   int to, int lanes) {
        final int row = j * lanes;
        for (int b = 0; b < lanes; b += sp.length()) {
            DoubleVector xj = DoubleVector.fromArray(sp, x, row + b);
            for (int i = from; i < to; i++) {
                int k = i * lanes + b;
                DoubleVector.fromArray(sp, s, k).add(DoubleVector.fromArray(sp, w, k).mul(xj)).intoArray(s, k);
            }
        }
    }
}
