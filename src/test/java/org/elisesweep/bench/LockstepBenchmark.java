package org.elisesweep.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.elisesweep.model.Lockstep;
import org.elisesweep.model.ModelParams;
import org.elisesweep.model.Network;
import org.elisesweep.model.Pattern;
import org.elisesweep.model.Phase;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Lock-step batches (issue 13) against the single-network loop: one invocation runs one training
 * cycle (teacher on, plasticity on, visible rates recorded) of B networks of 13 + N_lat neurons
 * ({@link #wiring}: each its own wiring, or one wiring for all), together ({@link #lockstep},
 * {@link Lockstep.Cycles}) or one after the other with the single loop ({@link #alone},
 * {@link Network#runCycle}). The score is µs per step of
 * the whole batch (2500 steps per invocation): divide by B for µs per network-step; the ratio
 * alone / lockstep at the same B is the speed-up. B = 1 lock-step is the single loop itself.
 *
 * <p>Run with {@code jobs/bench.sh LockstepBenchmark}; both benchmarks of one session, so that
 * their ratio holds on a busy machine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LockstepBenchmark {
    @Param({"50", "200", "500"})
    public int nLat;

    /** Networks per batch, B. */
    @Param({"1", "2", "4", "8", "16"})
    public int lanes;

    /**
     * distinct: seeds 1…B, each network its own wiring; shared: seed 1 for all, teacher strength
     * λ = 0.6 + 0.01·b, so the same wiring (as the common random numbers of a sweep give the
     * points of one replicate) with different trajectories.
     */
    @Param({"distinct", "shared"})
    public String wiring;

    private List<Network> templates;
    private List<Network> networks;
    private double[][][] records;
    private final Lockstep.Cycles cycles = new Lockstep.Cycles();

    @Setup(Level.Trial)
    public void createNetworks() {
        boolean shared = switch (wiring) {
            case "distinct" -> false;
            case "shared" -> true;
            default -> throw new IllegalArgumentException("wiring: distinct or shared, got " + wiring);
        };
        templates = new ArrayList<>();
        for (int k = 0; k < lanes; k++) {
            ModelParams params = ModelParams.defaults().toBuilder().nLat(nLat)
                    .lambda(shared ? 0.6 + 0.01 * k : 0.6).build();
            Network net = Network.create(params, Pattern.fuerElise(), 10.0, shared ? 1 : k + 1);
            for (int c = 0; c < 3; c++) {
                net.runCycle(true, null, null);
            }
            templates.add(net);
        }
        int samples = templates.get(0).samplesPerCycle();
        records = new double[lanes][templates.get(0).wiring().visibleNeurons()][samples];
        if (templates.get(0).teacher().cycleBins() != StepLoopBenchmark.STEPS_PER_CYCLE) {
            throw new IllegalStateException("expected " + StepLoopBenchmark.STEPS_PER_CYCLE + " steps per cycle");
        }
    }

    /** Every iteration starts from the same states, so iterations do the same work. */
    @Setup(Level.Iteration)
    public void copyNetworks() {
        networks = templates.stream().map(Network::copy).toList();
    }

    @Benchmark
    @OperationsPerInvocation(StepLoopBenchmark.STEPS_PER_CYCLE)
    public double lockstep() {
        check(cycles.run(networks, Phase.TRAINING, true, records));
        return records[0][0][0];
    }

    @Benchmark
    @OperationsPerInvocation(StepLoopBenchmark.STEPS_PER_CYCLE)
    public double alone() {
        long[] diverged = new long[lanes];
        for (int k = 0; k < lanes; k++) {
            diverged[k] = networks.get(k).runCycle(Phase.TRAINING, true, null, records[k]);
        }
        check(diverged);
        return records[0][0][0];
    }

    private static void check(long[] diverged) {
        for (long d : diverged) {
            if (d >= 0) {
                // a short cycle would make the per-step figure meaningless
                throw new IllegalStateException("network diverged at step " + d);
            }
        }
    }
}
