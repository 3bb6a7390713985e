package org.elisesweep.model;

/**
 * The inner loops over presynaptic rows of W (row j holds W_ij for every postsynaptic i), from
 * which {@link FusedPlasticityPass} builds a step's pass over W: docs/model.md §3 step 8
 * (plasticity, W_ij += c_i·r̄_j) of one step fused with step 1 (dendritic input,
 * s_i += W_ij·r_j^d) of the next.
 *
 * <p>Units throughout: W_ij and s_i in mV (v = E_l + s at rest), c_i = η·(r_i − r*_i) in mV per
 * step (η contains dt), the presynaptic trace r̄_j and the delayed rate x_j = r_j^d
 * dimensionless (rates in (0, 1)). Each kernel runs over i in [from, to) and mutates only the
 * arrays it names; the others are read.
 *
 * <p>Each is a straight loop over i with no reduction and the same index into every array, so
 * C2 vectorises it without changing any result: every s_i still sums over j in ascending order,
 * whatever the machine's vector width (docs/model.md §9). The two- and three-row variants give
 * the same bits as one-row calls in row order, only faster. Stateless; public only so that the
 * JMH benchmark (org.elisesweep.bench.KernelBenchmark) measures these very loops.
 *
 * <p>Which variant is faster, measured on the production loops (ns per synapse, N = 63 / 213 /
 * 513, i.e. 13 visible + 50, 200, 500 latent neurons, C2):
 * <pre>
 *                              1 row               2 rows              3 rows
 *   fused, all-to-all          0.236 0.185 0.208   0.193 0.163 0.195   0.172 0.148 0.192
 *   fused, masked (ρ = 0.5)    0.330 0.234 0.553   0.283 0.210 0.547   -
 *   dendritic input alone      0.153 0.113 0.152   0.114 0.101 0.140   0.101 0.090 0.137
 * </pre>
 * (Thread CPU time of whole passes over W, all variants interleaved, median of 30 rounds, on the
 * project's 2-core machine while other builds ran; KernelBenchmark's wall-clock scores were too
 * noisy that day. On a quiet day KernelBenchmark gave 0.159 / 0.130 / 0.156 for one row and
 * 0.107 / 0.091 / 0.114 for three.) More rows per loop is faster at every N, since s is loaded
 * and stored once per block; the gain shrinks at N = 513, where W (2.1 MB) outgrows the L2 cache
 * and memory bandwidth limits. So a pass takes the widest variant that fits and the narrower
 * ones for the rows left over.
 */
public final class DendriticKernels {
    private DendriticKernels() {
    }

    /**
     * §3 steps 8 and 1 for row j: W_ij += c_i·r̄_j, then s_i += W_ij·x_j. Mutates {@code row}
     * (W_·j, mV) and {@code s} (mV). For all-to-all rows; the caller makes c_j = 0 on the
     * diagonal. The slowest fused variant (table above): for the rows left over after
     * {@link #updateAndAccumulate3} / {@link #updateAndAccumulate2}, including two rows left
     * whose diagonal learns.
     *
     * @param traceJ r̄_j (dimensionless)
     * @param x      r_j^d, the delayed rate of j (dimensionless)
     */
    public static void updateAndAccumulate(double[] row, double[] c, double traceJ, double x, double[] s,
                                           int from, int to) {
        for (int i = from; i < to; i++) {
            double wi = row[i] + c[i] * traceJ;
            row[i] = wi;
            s[i] += wi * x;
        }
    }

    /**
     * §3 steps 8 and 1 for rows j, j+1, j+2 in one pass over i: for each i, W_ij += c_i·r̄_j and
     * s_i += W_ij·x_j, then the same for j+1 and j+2. Every s_i receives exactly the additions of
     * three {@link #updateAndAccumulate} calls in the same order, so the result is bit-identical,
     * but c and s are loaded and s stored once per three rows. Mutates {@code r0}, {@code r1},
     * {@code r2} (mV) and {@code s} (mV). The fastest variant for all-to-all W at every N (table
     * above: 0.73 / 0.80 / 0.92 of the one-row time). Three, not four: with four rows the loop body is too large for C2 to unroll it to the
     * vector width under the default LoopUnrollLimit; it is then not vectorised, and was measured
     * about 1.9× slower than one row at a time for N = 63.
     */
    public static void updateAndAccumulate3(double[] r0, double[] r1, double[] r2, double[] c, double t0,
                                            double t1, double t2, double x0, double x1, double x2, double[] s,
                                            int from, int to) {
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

    /**
     * Two rows at once of {@link #updateAndAccumulate}, bit-identical to two calls. Mutates
     * {@code r0}, {@code r1} and {@code s} (mV). Between the one- and three-row variants in
     * speed (table above; KernelBenchmark fusedPerRowBlocked2); the pass uses it for two rows
     * left in a group whose diagonal does not learn.
     */
    public static void updateAndAccumulate2(double[] r0, double[] r1, double[] c, double t0, double t1,
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
     * §3 steps 8 and 1 for row j of a sparse W: as {@link #updateAndAccumulate} but the update
     * only where {@code mask[i]} is 1 (absent or deleted synapses stay exactly 0; the mask is 0 on
     * the diagonal). Mutates {@code row} and {@code s} (mV). One more load and multiply per
     * synapse than the unmasked kernel, so use it only when some synapse is absent.
     */
    public static void maskedUpdateAndAccumulate(double[] row, double[] mask, double[] c, double traceJ, double x,
                                                 double[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            double wi = row[i] + (c[i] * traceJ) * mask[i];
            row[i] = wi;
            s[i] += wi * x;
        }
    }

    /**
     * Two rows at once of {@link #maskedUpdateAndAccumulate}, bit-identical to two calls. Mutates
     * {@code r0}, {@code r1} and {@code s} (mV). Faster than one row at a time at every N, by 10
     * to 15 % up to N = 213 and by about 1 % at N = 513, where two matrices stream from memory
     * (table above; KernelBenchmark maskedPerRow, maskedPerRowBlocked2); two, not three: the mask
     * loads make a three-row body too large to vectorise.
     */
    public static void maskedUpdateAndAccumulate2(double[] r0, double[] r1, double[] m0, double[] m1, double[] c,
                                                  double t0, double t1, double x0, double x1, double[] s,
                                                  int from, int to) {
        for (int i = from; i < to; i++) {
            double ci = c[i];
            double w0 = r0[i] + (ci * t0) * m0[i];
            double w1 = r1[i] + (ci * t1) * m1[i];
            r0[i] = w0;
            r1[i] = w1;
            s[i] = (s[i] + w0 * x0) + w1 * x1;
        }
    }

    /**
     * §3 step 1 alone for row j: s_i += W_ij·x_j, for synapses that do not learn (targets from
     * nLearn on: latents in the reservoir mode) and for recomputing s after the weights changed.
     * Mutates {@code s} (mV).
     */
    public static void accumulate(double[] row, double x, double[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            s[i] += row[i] * x;
        }
    }

    /**
     * Three rows at once of {@link #accumulate}, rows in ascending order for every s_i,
     * bit-identical to three calls. Mutates {@code s} (mV). The fastest of the three at every N
     * (table above: 0.66 / 0.80 / 0.90 of the one-row time; KernelBenchmark accumulatePerRow,
     * accumulateBlocked2, accumulateBlocked3).
     */
    public static void accumulate3(double[] r0, double[] r1, double[] r2, double x0, double x1, double x2,
                                   double[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            s[i] = ((s[i] + r0[i] * x0) + r1[i] * x1) + r2[i] * x2;
        }
    }

    /**
     * Two rows at once of {@link #accumulate}, bit-identical to two calls. Mutates {@code s} (mV).
     * Between the one- and three-row variants in speed (table above).
     */
    public static void accumulate2(double[] r0, double[] r1, double x0, double x1, double[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            s[i] = (s[i] + r0[i] * x0) + r1[i] * x1;
        }
    }
}
