package org.elisesweep.model;

/**
 * The inner loops over one presynaptic row of W (row j holds W_ij for every postsynaptic i).
 * Each is a straight loop over i with no reduction and the same index into every array, so
 * the JIT vectorises it without changing any result: every s_i still sums over j in ascending
 * order, whatever the machine's vector width (ELISE-MODEL.md §9).
 */
final class DendriticKernels {
    private DendriticKernels() {
    }

    /**
     * For i in [from, to): W_ij += c_i·r̄_j, then s_i += W_ij·x_j (x_j the delayed rate).
     * Mutates {@code row} and {@code s}. Use for all-to-all rows (the caller skips the diagonal).
     */
    static void updateAndAccumulate(double[] row, double[] c, double traceJ, double x, double[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            double wi = row[i] + c[i] * traceJ;
            row[i] = wi;
            s[i] += wi * x;
        }
    }

    /**
     * As {@link #updateAndAccumulate} but only where {@code mask[i]} is 1 (sparse connectivity):
     * absent synapses stay exactly 0. One more load and multiply per synapse; use only when
     * some synapses are absent.
     */
    static void maskedUpdateAndAccumulate(double[] row, double[] mask, double[] c, double traceJ, double x,
                                          double[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            double wi = row[i] + (c[i] * traceJ) * mask[i];
            row[i] = wi;
            s[i] += wi * x;
        }
    }

    /** For i in [from, to): s_i += W_ij·x_j (synapses that do not learn). Mutates {@code s}. */
    static void accumulate(double[] row, double x, double[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            s[i] += row[i] * x;
        }
    }

    /**
     * Three consecutive presynaptic rows j, j+1, j+2 in one pass over i in [from, to): for each
     * i, W_ij += c_i·r̄_j and s_i += W_ij·x_j, then the same for j+1 and j+2. Every s_i receives
     * exactly the additions of three {@link #updateAndAccumulate} calls in the same order, so the
     * result is bit-identical, but c and s are loaded and s stored once per three rows. (Three,
     * not four: with four rows the loop body is too large for C2 to unroll it to the vector
     * width under the default LoopUnrollLimit; it is then not vectorised, and was measured about
     * 1.9× slower than one row at a time for N = 63, while three rows are about 1.5× faster:
     * KernelBenchmark fusedPerRowBlocked3 vs fusedPerRow.)
     */
    static void updateAndAccumulate3(double[] r0, double[] r1, double[] r2, double[] c, double t0, double t1,
                                     double t2, double x0, double x1, double x2, double[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            double ci = c[i];
            double w0 = r0[i] + ci * t0;
            double w1 = r1[i] + ci * t1;
            double w2 = r2[i] + ci * t2;
            r0[i] = w0;
            r1[i] = w1;
            r2[i] = w2;
            s[i] = ((s[i] + w0 * x0) + w1 * x1) + w2 * x2;
        }
    }

    /** Two rows at once; see {@link #updateAndAccumulate3}. */
    static void updateAndAccumulate2(double[] r0, double[] r1, double[] c, double t0, double t1,
                                     double x0, double x1, double[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            double ci = c[i];
            double w0 = r0[i] + ci * t0;
            double w1 = r1[i] + ci * t1;
            r0[i] = w0;
            r1[i] = w1;
            s[i] = (s[i] + w0 * x0) + w1 * x1;
        }
    }

    /**
     * Two rows at once of {@link #maskedUpdateAndAccumulate}, bit-identical to two calls (two,
     * not three: the mask loads make a three-row body too large to vectorise).
     */
    static void maskedUpdateAndAccumulate2(double[] r0, double[] r1, double[] m0, double[] m1, double[] c,
                                           double t0, double t1, double x0, double x1, double[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            double ci = c[i];
            double w0 = r0[i] + (ci * t0) * m0[i];
            double w1 = r1[i] + (ci * t1) * m1[i];
            r0[i] = w0;
            r1[i] = w1;
            s[i] = (s[i] + w0 * x0) + w1 * x1;
        }
    }

    /** Three rows at once of {@link #accumulate}, rows in ascending order for every s_i. */
    static void accumulate3(double[] r0, double[] r1, double[] r2, double x0, double x1, double x2, double[] s,
                            int from, int to) {
        for (int i = from; i < to; i++) {
            s[i] = ((s[i] + r0[i] * x0) + r1[i] * x1) + r2[i] * x2;
        }
    }

    /** Two rows at once of {@link #accumulate}. */
    static void accumulate2(double[] r0, double[] r1, double x0, double x1, double[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            s[i] = (s[i] + r0[i] * x0) + r1[i] * x1;
        }
    }
}
