package org.elisesweep.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.elisesweep.model.DendriticKernels;
import org.elisesweep.model.Transfer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The step loop's hot spots, measured on the production code:
 *
 * <ol>
 *   <li><b>The row kernels of {@link DendriticKernels}</b>, each over a whole N×N matrix stored
 *       as NetworkState stores W (one {@code double[]} per presynaptic row): the fused pass
 *       (plasticity of one step + dendritic input of the next: {@code W_ij += c_i·r̄_j;
 *       s_i += W_ij·x_j} for every row j) one, two and three rows per loop
 *       ({@code fusedPerRow}, {@code fusedPerRowBlocked2}, {@code fusedPerRowBlocked3}), the same
 *       with a sparse mask of density 0.5 ({@code maskedPerRow}, {@code maskedPerRowBlocked2}),
 *       and the sum alone ({@code accumulatePerRow}, {@code accumulateBlocked2},
 *       {@code accumulateBlocked3}). Rows left over after the blocks go one by one, as in the
 *       step loop. The same numbers come out in the same order; only the speed differs.</li>
 *   <li><b>The layouts not taken:</b> {@code fusedPerRowScalar} is {@code fusedPerRow} in a JVM
 *       with C2's auto-vectoriser off ({@code -XX:-UseSuperWord}); {@code fusedFlat} is the
 *       one-row loop on one flat row-major array (like EJML's {@code DMatrixRMaj.data}), element
 *       (j, i) at {@code j·N + i}: the only loop here that is not production code, kept because
 *       it is what W stored flat would cost (C2 does not vectorise it).</li>
 *   <li><b>{@link Transfer#exp}.</b> ns per call of {@code Transfer.exp}, {@code Math.exp} (HotSpot
 *       intrinsic, not reproducible across platforms) and {@code StrictMath.exp} (fdlibm,
 *       reproducible), over 126 arguments spread like those of a 13 + 50 network's step (two φ
 *       evaluations per neuron, a·(b − u) for u in [−80, −40] mV), results stored to an array
 *       (throughput of independent calls, as in the step loop).</li>
 * </ol>
 *
 * <p>Kernel scores are ns per pass (N² synapses; divide by N² for ns per synapse). Run with
 * {@code jobs/bench.sh KernelBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KernelBenchmark {
    /** Arguments per exp benchmark invocation: two φ per neuron of a 13 + 50 network. */
    public static final int EXP_CALLS = 126;

    /** An N×N weight matrix stored per row and flat, a 0/1 mask, and the vectors of one step. */
    @State(Scope.Thread)
    public static class Matrix {
        /** Neurons N = 13 + N_lat (N_lat = 50, 200, 500). */
        @Param({"63", "213", "513"})
        public int n;

        double[][] rows;
        double[][] mask;
        double[] flat;
        double[] coef;
        double[] trace;
        double[] rate;
        double[] input;

        @Setup
        public void setUp() {
            SplittableRandom rng = new SplittableRandom(42);
            rows = new double[n][n];
            mask = new double[n][n];
            flat = new double[n * n];
            coef = new double[n];
            trace = new double[n];
            rate = new double[n];
            input = new double[n];
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    double w = i == j ? 0.0 : 0.5 * rng.nextGaussian();
                    rows[j][i] = w;
                    flat[j * n + i] = w;
                    mask[j][i] = i != j && rng.nextDouble() < 0.5 ? 1.0 : 0.0;
                }
                // tiny learning steps, so that repeated invocations stay far from overflow
                coef[j] = 1e-12 * rng.nextGaussian();
                trace[j] = 0.05 * rng.nextDouble();
                rate[j] = rng.nextDouble();
            }
        }

        /** s = 0, ready for a pass; returns s. */
        double[] clearedInput() {
            Arrays.fill(input, 0.0);
            return input;
        }

        /** One row per call of the production one-row kernel, for rows [from, n). */
        void fusedRowsFrom(int from) {
            for (int j = from; j < n; j++) {
                DendriticKernels.updateAndAccumulate(rows[j], coef, trace[j], rate[j], input, 0, n);
            }
        }

        void maskedRowsFrom(int from) {
            for (int j = from; j < n; j++) {
                DendriticKernels.maskedUpdateAndAccumulate(rows[j], mask[j], coef, trace[j], rate[j], input, 0, n);
            }
        }

        void accumulateRowsFrom(int from) {
            for (int j = from; j < n; j++) {
                DendriticKernels.accumulate(rows[j], rate[j], input, 0, n);
            }
        }
    }

    /** 126 exp arguments a·(b − u), u uniform in [−80, −40] mV. */
    @State(Scope.Thread)
    public static class ExpArgs {
        final double[] x = new double[EXP_CALLS];
        final double[] y = new double[EXP_CALLS];

        @Setup
        public void setUp() {
            SplittableRandom rng = new SplittableRandom(7);
            for (int k = 0; k < EXP_CALLS; k++) {
                double u = -80.0 + 40.0 * rng.nextDouble();
                x[k] = 0.3 * (-58.0 - u);
            }
        }
    }

    // ---------------------------------------------------------------- fused plasticity + input

    /** {@link DendriticKernels#updateAndAccumulate}, one row per loop. */
    @Benchmark
    public double fusedPerRow(Matrix m) {
        double[] s = m.clearedInput();
        m.fusedRowsFrom(0);
        return s[m.n - 1];
    }

    /** {@link DendriticKernels#updateAndAccumulate2}, two rows per loop. */
    @Benchmark
    public double fusedPerRowBlocked2(Matrix m) {
        double[] s = m.clearedInput();
        double[][] w = m.rows;
        int j = 0;
        for (; j + 2 <= m.n; j += 2) {
            DendriticKernels.updateAndAccumulate2(w[j], w[j + 1], m.coef, m.trace[j], m.trace[j + 1],
                    m.rate[j], m.rate[j + 1], s, 0, m.n);
        }
        m.fusedRowsFrom(j);
        return s[m.n - 1];
    }

    /** {@link DendriticKernels#updateAndAccumulate3}, three rows per loop, as the step loop runs all-to-all W. */
    @Benchmark
    public double fusedPerRowBlocked3(Matrix m) {
        double[] s = m.clearedInput();
        double[][] w = m.rows;
        int j = 0;
        for (; j + 3 <= m.n; j += 3) {
            DendriticKernels.updateAndAccumulate3(w[j], w[j + 1], w[j + 2], m.coef, m.trace[j], m.trace[j + 1],
                    m.trace[j + 2], m.rate[j], m.rate[j + 1], m.rate[j + 2], s, 0, m.n);
        }
        m.fusedRowsFrom(j);
        return s[m.n - 1];
    }

    /** {@link #fusedPerRow} with C2's superword (auto-vectorisation) switched off: a plain scalar loop. */
    @Benchmark
    @Fork(jvmArgsAppend = "-XX:-UseSuperWord")
    public double fusedPerRowScalar(Matrix m) {
        return fusedPerRow(m);
    }

    /** The one-row loop on one flat row-major array, element (j, i) at j·N + i (not production code). */
    @Benchmark
    public double fusedFlat(Matrix m) {
        int n = m.n;
        double[] w = m.flat;
        double[] c = m.coef;
        double[] s = m.clearedInput();
        for (int j = 0; j < n; j++) {
            int base = j * n;
            double traceJ = m.trace[j];
            double x = m.rate[j];
            for (int i = 0; i < n; i++) {
                double wi = w[base + i] + c[i] * traceJ;
                w[base + i] = wi;
                s[i] += wi * x;
            }
        }
        return s[n - 1];
    }

    /** {@link DendriticKernels#maskedUpdateAndAccumulate}, one row per loop, mask density 0.5. */
    @Benchmark
    public double maskedPerRow(Matrix m) {
        double[] s = m.clearedInput();
        m.maskedRowsFrom(0);
        return s[m.n - 1];
    }

    /** {@link DendriticKernels#maskedUpdateAndAccumulate2}, two rows per loop, as the step loop runs sparse W. */
    @Benchmark
    public double maskedPerRowBlocked2(Matrix m) {
        double[] s = m.clearedInput();
        double[][] w = m.rows;
        double[][] mask = m.mask;
        int j = 0;
        for (; j + 2 <= m.n; j += 2) {
            DendriticKernels.maskedUpdateAndAccumulate2(w[j], w[j + 1], mask[j], mask[j + 1], m.coef, m.trace[j],
                    m.trace[j + 1], m.rate[j], m.rate[j + 1], s, 0, m.n);
        }
        m.maskedRowsFrom(j);
        return s[m.n - 1];
    }

    // ---------------------------------------------------------------- dendritic input alone

    /** {@link DendriticKernels#accumulate}, one row per loop. */
    @Benchmark
    public double accumulatePerRow(Matrix m) {
        double[] s = m.clearedInput();
        m.accumulateRowsFrom(0);
        return s[m.n - 1];
    }

    /** {@link DendriticKernels#accumulate2}, two rows per loop. */
    @Benchmark
    public double accumulateBlocked2(Matrix m) {
        double[] s = m.clearedInput();
        double[][] w = m.rows;
        int j = 0;
        for (; j + 2 <= m.n; j += 2) {
            DendriticKernels.accumulate2(w[j], w[j + 1], m.rate[j], m.rate[j + 1], s, 0, m.n);
        }
        m.accumulateRowsFrom(j);
        return s[m.n - 1];
    }

    /** {@link DendriticKernels#accumulate3}, three rows per loop. */
    @Benchmark
    public double accumulateBlocked3(Matrix m) {
        double[] s = m.clearedInput();
        double[][] w = m.rows;
        int j = 0;
        for (; j + 3 <= m.n; j += 3) {
            DendriticKernels.accumulate3(w[j], w[j + 1], w[j + 2], m.rate[j], m.rate[j + 1], m.rate[j + 2], s, 0, m.n);
        }
        m.accumulateRowsFrom(j);
        return s[m.n - 1];
    }

    // ---------------------------------------------------------------- exp

    @Benchmark
    @OperationsPerInvocation(EXP_CALLS)
    public double expTransfer(ExpArgs a) {
        double[] x = a.x;
        double[] y = a.y;
        for (int k = 0; k < x.length; k++) {
            y[k] = Transfer.exp(x[k]);
        }
        return y[EXP_CALLS - 1];
    }

    @Benchmark
    @OperationsPerInvocation(EXP_CALLS)
    public double expMath(ExpArgs a) {
        double[] x = a.x;
        double[] y = a.y;
        for (int k = 0; k < x.length; k++) {
            y[k] = Math.exp(x[k]);
        }
        return y[EXP_CALLS - 1];
    }

    @Benchmark
    @OperationsPerInvocation(EXP_CALLS)
    public double expStrictMath(ExpArgs a) {
        double[] x = a.x;
        double[] y = a.y;
        for (int k = 0; k < x.length; k++) {
            y[k] = StrictMath.exp(x[k]);
        }
        return y[EXP_CALLS - 1];
    }
}
