package org.elisesweep.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * The two design choices of the step loop's hot spots, measured:
 *
 * <ol>
 *   <li><b>W as per-row arrays.</b> One full pass of the fused dendritic kernel (plasticity of one
 *       step + dendritic input of the next: {@code w += c_i·r̄_j; s_i += w·x_j} for every row j)
 *       over an N×N matrix stored three ways:
 *       <ul>
 *         <li>{@code fusedPerRow}: one {@code double[]} per presynaptic row, as NetworkState
 *             stores W, one row per loop as DendriticKernels.updateAndAccumulate (the same loop,
 *             copied here because the kernel class is package-private);</li>
 *         <li>{@code fusedPerRowBlocked3}: the same rows, three per loop, as the step loop runs
 *             them (DendriticKernels.updateAndAccumulate3): s is read and written once per three
 *             rows instead of once per row;</li>
 *         <li>{@code fusedFlat}: the one-row loop on one flat row-major array (like EJML's
 *             {@code DMatrixRMaj.data}), element (j, i) at {@code base + i}, base = j·N;</li>
 *         <li>{@code fusedPerRowScalar}: the one-row loop in a JVM with C2's auto-vectoriser off
 *             ({@code -XX:-UseSuperWord}), i.e. a plain scalar loop.</li>
 *       </ul>
 *       Scores are ns per pass (N² synapses; divide by N² for ns per synapse). All variants
 *       compute the same numbers in the same order; only the speed differs.</li>
 *   <li><b>{@link Transfer#exp}.</b> ns per call of {@code Transfer.exp}, {@code Math.exp} (HotSpot
 *       intrinsic, not reproducible across platforms) and {@code StrictMath.exp} (fdlibm,
 *       reproducible), over 126 arguments spread like those of a 13 + 50 network's step (two φ
 *       evaluations per neuron, a·(b − u) for u in [−80, −40] mV), results stored to an array
 *       (throughput of independent calls, as in the step loop).</li>
 * </ol>
 *
 * <p>Run with {@code jobs/bench.sh KernelBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KernelBenchmark {
    /** Arguments per exp benchmark invocation: two φ per neuron of a 13 + 50 network. */
    public static final int EXP_CALLS = 126;

    /** An N×N weight matrix stored per row and flat, with the vectors of one step. */
    @State(Scope.Thread)
    public static class Matrix {
        /** Neurons N = 13 + N_lat (N_lat = 50, 200, 500). */
        @Param({"63", "213", "513"})
        public int n;

        double[][] rows;
        double[] flat;
        double[] coef;
        double[] trace;
        double[] rate;
        double[] input;

        @Setup
        public void setUp() {
            SplittableRandom rng = new SplittableRandom(42);
            rows = new double[n][n];
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
                }
                // tiny learning steps, so that repeated invocations stay far from overflow
                coef[j] = 1e-12 * rng.nextGaussian();
                trace[j] = 0.05 * rng.nextDouble();
                rate[j] = rng.nextDouble();
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

    // ---------------------------------------------------------------- fused dendritic kernel

    /** The kernel as used: one array per presynaptic row, W and s indexed alike. */
    @Benchmark
    public double fusedPerRow(Matrix m) {
        int n = m.n;
        double[] s = m.input;
        Arrays.fill(s, 0.0);
        for (int j = 0; j < n; j++) {
            updateAndAccumulate(m.rows[j], m.coef, m.trace[j], m.rate[j], s, 0, n);
        }
        return s[n - 1];
    }

    /**
     * The kernel as the step loop now runs it: three rows per pass over i (DendriticKernels
     * .updateAndAccumulate3, copied here), so s is loaded and stored once per three rows; the
     * same numbers in the same order as {@link #fusedPerRow}. (N mod 3 leftover rows one by one.)
     */
    @Benchmark
    public double fusedPerRowBlocked3(Matrix m) {
        int n = m.n;
        double[] s = m.input;
        Arrays.fill(s, 0.0);
        int j = 0;
        for (; j + 3 <= n; j += 3) {
            updateAndAccumulate3(m.rows[j], m.rows[j + 1], m.rows[j + 2], m.coef, m.trace[j], m.trace[j + 1],
                    m.trace[j + 2], m.rate[j], m.rate[j + 1], m.rate[j + 2], s, 0, n);
        }
        for (; j < n; j++) {
            updateAndAccumulate(m.rows[j], m.coef, m.trace[j], m.rate[j], s, 0, n);
        }
        return s[n - 1];
    }

    /** The same loop with C2's superword (auto-vectorisation) switched off: a plain scalar loop. */
    @Benchmark
    @Fork(jvmArgsAppend = "-XX:-UseSuperWord")
    public double fusedPerRowScalar(Matrix m) {
        return fusedPerRow(m);
    }

    /** The same loop on one flat row-major array, element (j, i) at j·N + i. */
    @Benchmark
    public double fusedFlat(Matrix m) {
        int n = m.n;
        double[] s = m.input;
        Arrays.fill(s, 0.0);
        for (int j = 0; j < n; j++) {
            updateAndAccumulateFlat(m.flat, j * n, m.coef, m.trace[j], m.rate[j], s, 0, n);
        }
        return s[n - 1];
    }

    /** Copy of DendriticKernels.updateAndAccumulate (package-private in the model). */
    private static void updateAndAccumulate(double[] row, double[] c, double traceJ, double x, double[] s,
                                            int from, int to) {
        for (int i = from; i < to; i++) {
            double wi = row[i] + c[i] * traceJ;
            row[i] = wi;
            s[i] += wi * x;
        }
    }

    /** Copy of DendriticKernels.updateAndAccumulate3. */
    private static void updateAndAccumulate3(double[] r0, double[] r1, double[] r2, double[] c, double t0,
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

    /** The same loop on a flat array: W_ij at {@code base + i}. */
    private static void updateAndAccumulateFlat(double[] w, int base, double[] c, double traceJ, double x,
                                                double[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            double wi = w[base + i] + c[i] * traceJ;
            w[base + i] = wi;
            s[i] += wi * x;
        }
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
