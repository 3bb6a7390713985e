package org.elisesweep.model;

/**
 * The row kernels of {@link DendriticKernels} for B networks stepped together
 * ({@link LockstepLoop}): the same equations, docs/model.md §3 step 8 (W_ij += c_i·r̄_j) fused
 * with step 1 (s_i += W_ij·x_j), on arrays in which network b's value of neuron i is at
 * {@code i·B + b} (network index innermost), and row j of W is {@code w[j][i·B + b]}.
 *
 * <p>Every element gets exactly the operations, in the same order, of the one-network kernel
 * (no fused multiply-add, no reduction across networks), so each network's bits are those of
 * its loop alone; only the order in which independent elements are computed changes. Each
 * row kernel runs over neurons i in [from, to), every network b in [0, B), and mutates only
 * {@code w} and {@code s}; {@link #withinLimit} writes only its flags. Two implementations give
 * the same bits: {@link Scalar}, plain loops, and {@code VectorLaneKernels}
 * (jdk.incubator.vector, lanes = networks); {@link #best} chooses.
 */
interface LaneKernels {
    /**
     * W_ij += c_i·r̄_j, then s_i += W_ij·x_j, for row j (all-to-all; the caller makes c_j = 0 on
     * the diagonal). {@code trace} and {@code x} are r̄ and r^d by neuron, lanes innermost.
     */
    void updateAndAccumulate(double[] w, double[] c, double[] trace, double[] x, int j, double[] s, int from,
                             int to, int lanes);

    /**
     * {@link #updateAndAccumulate} over [0, to) for row j whose diagonal learns: each network's
     * own diagonal coefficient c_j set to 0 while it runs (W_jj + 0·r̄_j), as
     * {@link FusedPlasticityPass} runs such a row for one network. {@code saved} is scratch of at
     * least B doubles. Mutates w, s and saved; c only while it runs.
     */
    default void updateAndAccumulateWithoutDiagonal(double[] w, double[] c, double[] trace, double[] x, int j,
                                                    double[] s, int to, int lanes, double[] saved) {
        System.arraycopy(c, j * lanes, saved, 0, lanes);
        java.util.Arrays.fill(c, j * lanes, j * lanes + lanes, 0.0);
        updateAndAccumulate(w, c, trace, x, j, s, 0, to, lanes);
        System.arraycopy(saved, 0, c, j * lanes, lanes);
    }

    /** As {@link #updateAndAccumulate}, the update only where {@code mask} (row j, lanes innermost) is 1. */
    void maskedUpdateAndAccumulate(double[] w, double[] mask, double[] c, double[] trace, double[] x, int j,
                                   double[] s, int from, int to, int lanes);

    /** s_i += W_ij·x_j for row j (synapses that do not learn). */
    void accumulate(double[] w, double[] x, int j, double[] s, int from, int to, int lanes);

    /**
     * {@link #updateAndAccumulate} (or, with {@code mask} not null, {@link #maskedUpdateAndAccumulate})
     * for rows j, j+1, j+2 of {@code w} in one pass over i: each s_i receives the three rows'
     * terms in row order, so the bits are those of three one-row calls, but c and s are loaded
     * and s stored once per three rows. One coefficient vector for the three rows: where the
     * rows' diagonals learn, {@link #updateAndAccumulate3Diagonal}.
     */
    void updateAndAccumulate3(double[][] w, double[][] mask, double[] c, double[] trace, double[] x, int j,
                              double[] s, int from, int to, int lanes);

    /**
     * {@link #updateAndAccumulate3} (all-to-all) over postsynaptic neurons [0, to) for rows j, j+1,
     * j+2 whose diagonals learn (j + 3 ≤ to): bit-identical to three {@link #updateAndAccumulate}
     * calls in row order, each with its own diagonal coefficient c_j, c_{j+1}, c_{j+2} set to 0
     * (W_jj + 0·r̄_j). The vector kernels run the three-row pass over the whole range with the
     * diagonals' own coefficients, then put right what that got wrong: the three diagonal weights,
     * from their values set aside before, and s of the block's columns, summed again from its
     * value before in row order. Splitting the pass around the block's columns instead (three
     * one-row calls between two three-row ones, as before session J) took about 4 % longer per
     * group step at 13 + 50, B = 8 (LockstepBenchmark, one session, runs interleaved: median 14.1
     * µs of six against 13.5 of seven; ranges 12.6–14.4 and 12.5–14.3).
     * {@code saved} is scratch of at least 6·B doubles. Mutates w[j…j+2], s and saved; c only
     * while it runs.
     */
    void updateAndAccumulate3Diagonal(double[][] w, double[] c, double[] trace, double[] x, int j, double[] s,
                                      int to, int lanes, double[] saved);

    /** {@link #accumulate} for rows j, j+1, j+2 in one pass over i, each s_i in row order. */
    void accumulate3(double[][] w, double[] x, int j, double[] s, int from, int to, int lanes);

    /**
     * The runaway check of {@link StepLoop#step} for every network b: {@code ok[b]} = |u_i| < limit
     * for every neuron i in [0, n) and |v_i| < limit for i in [0, nV) (NaN fails). Writes ok.
     */
    void withinLimit(double[] u, double[] v, int n, int nV, double limit, boolean[] ok, int lanes);

    /**
     * The scaffold conductances of {@link NeuronPasses#scaffold} for B networks that share their
     * wiring (the scaffold's connections and delays), from a history shared by the group, lanes
     * innermost: {@code hist[(slot·n + j)·B + b]} = network b's r_j at that slot. Every sum runs
     * from 0.0 over the target's connections in order, as there, so every lane has the bits of its
     * network's own pass. Writes element i·B + b of gE and gI of every target i.
     */
    void scaffold(StepConstants c, double[] hist, int[] target, int[] source, int[] delayE, int[] delayI, int slot,
                  int mask, int n, double[] gE, double[] gI, int lanes);

    /**
     * The delayed rates of every network from a shared history (as in {@link #scaffold}):
     * {@code rd[j·B + b]} = network b's r_j at slot (slot − D_j) mod H. Writes rd.
     */
    void delayedRates(double[] hist, int[] delay, int slot, int mask, int n, double[] rd, int lanes);

    /**
     * Whether these kernels step a group of {@code lanes} networks: the vector ones only whole
     * vectors (for other widths they fall back to plain loops, measured at 0.18–0.26× the single
     * loop); the plain ones any width (a JVM without the vector kernels that was asked for groups,
     * and the tests under C1).
     */
    boolean takes(int lanes);

    /** The kernels of this JVM, chosen once ({@link #choose}); immutable. */
    LaneKernels BEST = choose();

    /** The kernels of this JVM: {@link #BEST}. */
    static LaneKernels best() {
        return BEST;
    }

    /**
     * {@code VectorLaneKernels} when the JVM was started with {@code --add-modules
     * jdk.incubator.vector} (conf/spark-defaults.conf sets it for executors, so also on the local
     * cluster; surefire and the benchmark scripts too) and C2 compiles ({@link VectorModule#USABLE}:
     * under C1 alone the Vector API runs as its Java fallback, slower than plain loops), else
     * {@link Scalar}: the same bits, slower; without the module, with a one-line note, printed
     * when a JVM first steps a group. Console JVMs (jobs/elise, an embedded sweep) get the module
     * from jobs/lib/console-jvm.sh, which drops its start-up warning; a JVM without it, or with
     * vectors of fewer than 8 doubles, steps every simulation alone under
     * {@code execution.lockstep = auto} ({@link Lockstep#autoStepsGroups}).
     */
    private static LaneKernels choose() {
        if (VectorModule.USABLE) {
            try {
                return new VectorLaneKernels();
            } catch (LinkageError e) {
                // fall through to the scalar kernels
            }
        }
        if (!VectorModule.PRESENT) {
            System.err.println("elise: lock-step runs its scalar kernels (same results, slower): start the JVM with "
                    + "--add-modules jdk.incubator.vector for the vector ones");
        }
        return new Scalar();
    }

    /** Plain loops; C2 does not vectorise the short inner loop over networks. */
    final class Scalar implements LaneKernels {
        @Override
        public boolean takes(int lanes) {
            return true;
        }

        @Override
        public void updateAndAccumulate(double[] w, double[] c, double[] trace, double[] x, int j, double[] s,
                                        int from, int to, int lanes) {
            final int row = j * lanes;
            for (int i = from; i < to; i++) {
                final int base = i * lanes;
                for (int b = 0; b < lanes; b++) {
                    int k = base + b;
                    double wi = w[k] + c[k] * trace[row + b];
                    w[k] = wi;
                    s[k] += wi * x[row + b];
                }
            }
        }

        @Override
        public void maskedUpdateAndAccumulate(double[] w, double[] mask, double[] c, double[] trace, double[] x,
                                              int j, double[] s, int from, int to, int lanes) {
            final int row = j * lanes;
            for (int i = from; i < to; i++) {
                final int base = i * lanes;
                for (int b = 0; b < lanes; b++) {
                    int k = base + b;
                    double wi = w[k] + (c[k] * trace[row + b]) * mask[k];
                    w[k] = wi;
                    s[k] += wi * x[row + b];
                }
            }
        }

        @Override
        public void accumulate(double[] w, double[] x, int j, double[] s, int from, int to, int lanes) {
            final int row = j * lanes;
            for (int i = from; i < to; i++) {
                final int base = i * lanes;
                for (int b = 0; b < lanes; b++) {
                    s[base + b] += w[base + b] * x[row + b];
                }
            }
        }

        @Override
        public void withinLimit(double[] u, double[] v, int n, int nV, double limit, boolean[] ok, int lanes) {
            java.util.Arrays.fill(ok, 0, lanes, true);
            for (int i = 0; i < n; i++) {
                boolean checksV = i < nV;
                for (int b = 0; b < lanes; b++) {
                    int k = i * lanes + b;
                    ok[b] &= Math.abs(u[k]) < limit & (!checksV || Math.abs(v[k]) < limit);
                }
            }
        }

        @Override
        public void scaffold(StepConstants c, double[] hist, int[] target, int[] source, int[] delayE, int[] delayI,
                             int slot, int mask, int n, double[] gE, double[] gI, int lanes) {
            final double gE0 = c.gE0();
            final double gI0 = c.gI0();
            final double rest = c.rest();
            int previous = -1;
            for (int k = 0; k < target.length; k++) {
                final int g = target[k] * lanes;
                final boolean first = target[k] != previous;
                previous = target[k];
                final int e = (((slot - delayE[k]) & mask) * n + source[k]) * lanes;
                final int h = (((slot - delayI[k]) & mask) * n + source[k]) * lanes;
                for (int b = 0; b < lanes; b++) {
                    gE[g + b] = (first ? 0.0 : gE[g + b]) + gE0 * Math.max(hist[e + b], rest);
                    gI[g + b] = (first ? 0.0 : gI[g + b]) + gI0 * Math.max(hist[h + b], rest);
                }
            }
        }

        @Override
        public void delayedRates(double[] hist, int[] delay, int slot, int mask, int n, double[] rd, int lanes) {
            for (int j = 0; j < n; j++) {
                final int from = (((slot - delay[j]) & mask) * n + j) * lanes;
                for (int b = 0; b < lanes; b++) {
                    rd[j * lanes + b] = hist[from + b];
                }
            }
        }

        @Override
        public void updateAndAccumulate3(double[][] w, double[][] mask, double[] c, double[] trace, double[] x,
                                         int j, double[] s, int from, int to, int lanes) {
            for (int r = 0; r < 3; r++) {
                if (mask == null) {
                    updateAndAccumulate(w[j + r], c, trace, x, j + r, s, from, to, lanes);
                } else {
                    maskedUpdateAndAccumulate(w[j + r], mask[j + r], c, trace, x, j + r, s, from, to, lanes);
                }
            }
        }

        /** Three one-row calls, each without its diagonal: the definition. */
        @Override
        public void updateAndAccumulate3Diagonal(double[][] w, double[] c, double[] trace, double[] x, int j,
                                                 double[] s, int to, int lanes, double[] saved) {
            for (int r = j; r < j + 3; r++) {
                updateAndAccumulateWithoutDiagonal(w[r], c, trace, x, r, s, to, lanes, saved);
            }
        }

        @Override
        public void accumulate3(double[][] w, double[] x, int j, double[] s, int from, int to, int lanes) {
            for (int r = 0; r < 3; r++) {
                accumulate(w[j + r], x, j + r, s, from, to, lanes);
            }
        }
    }
}
