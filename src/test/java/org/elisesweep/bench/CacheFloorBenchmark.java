package org.elisesweep.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The floor under the pass over W: the time to read and write back every weight of one network
 * (N² doubles, 32 kB at N = 63, which stays in the 48 kB L1 cache from pass to pass) or of a
 * lock-step group's {@code networks} (8 × 32 kB = 254 kB, which must come from L2 every pass), with
 * one addition per weight and nothing else: no step can update its weights faster. Score: ns per
 * pass over all networks; divided by {@code networks}, ns per network-step, to set against
 * {@code LockstepBenchmark} (docs/performance.md, "Lock-step batches"). Not production code: a
 * measurement of the machine. {@code jobs/bench.sh CacheFloorBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CacheFloorBenchmark {
    /** Neurons per network: 13 + 50. */
    @Param({"63"})
    public int n;

    /** Networks whose weights one pass touches: 1 (alone) or 8 (a lock-step group). */
    @Param({"1", "8"})
    public int networks;

    double[] weights;

    @Setup
    public void setUp() {
        weights = new double[networks * n * n];
        for (int k = 0; k < weights.length; k++) {
            weights[k] = 1e-3 * (k % 97);
        }
    }

    /** w += δ for every weight, in memory order (C2 vectorises it). */
    @Benchmark
    public double readAndWriteEveryWeight() {
        final double[] w = weights;
        for (int k = 0; k < w.length; k++) {
            w[k] = w[k] + 1e-12;
        }
        return w[0];
    }

    /**
     * The same traffic with the pass over W's four operations per weight (a multiply and an add for
     * the update, a multiply and an add for the dendritic sum; no fused multiply-add): how fast this
     * core does the arithmetic alone, against {@link #readAndWriteEveryWeight}'s memory traffic.
     */
    @Benchmark
    public double fourOperationsPerWeight() {
        final double[] w = weights;
        for (int k = 0; k < w.length; k++) {
            w[k] = (w[k] * 0.999 + 1e-12) * 1.001 + 1e-12;
        }
        return w[0];
    }
}
