package org.elisesweep.bench;

import java.util.concurrent.TimeUnit;
import org.elisesweep.model.ModelParams;
import org.elisesweep.model.Network;
import org.elisesweep.model.Pattern;
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
 * Cost of one Euler step of the ELiSe step loop (docs/model.md §3): {@link Network#runCycle}
 * with the teacher on and plasticity on (as in training), for the Für Elise pattern (13 visible
 * neurons) and N_lat latent neurons. One invocation runs a whole cycle (2500 steps at the
 * default dt = 0.1 ms and 10-ms pattern steps) and records the visible rates as training does;
 * {@link OperationsPerInvocation} turns the score into µs per step.
 *
 * <p>Synapse updates per second = N² / (time per step), N = 13 + N_lat (every step updates and
 * reads each of the N·(N−1) learning synapses once, plus the fixed diagonal).
 *
 * <p>Run with {@code jobs/bench.sh StepLoopBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StepLoopBenchmark {
    /** Steps per cycle of the Für Elise pattern: 25 pattern steps × 10 ms / 0.1 ms. */
    public static final int STEPS_PER_CYCLE = 2500;

    @Param({"50", "200", "500"})
    public int nLat;

    /** Network seed (fixes delays, scaffold and initial weights). */
    @Param({"1"})
    public long seed;

    /** A network after a few nudged cycles, so that traces and delay lines hold non-trivial values. */
    private Network template;
    private Network network;
    private double[][] record;

    @Setup(Level.Trial)
    public void createNetwork() {
        ModelParams params = ModelParams.defaults().toBuilder().nLat(nLat).build();
        template = Network.create(params, Pattern.fuerElise(), 10.0, seed);
        if (template.teacher().cycleBins() != STEPS_PER_CYCLE) {
            throw new IllegalStateException("expected " + STEPS_PER_CYCLE + " steps per cycle, got "
                    + template.teacher().cycleBins());
        }
        record = new double[template.wiring().visibleNeurons()][template.samplesPerCycle()];
        for (int c = 0; c < 3; c++) {
            runChecked(template);
        }
    }

    /** Every iteration starts from the same state, so iterations do the same work. */
    @Setup(Level.Iteration)
    public void copyNetwork() {
        network = template.copy();
    }

    @Benchmark
    @OperationsPerInvocation(STEPS_PER_CYCLE)
    public double cycleTeacherOn() {
        runChecked(network);
        return record[0][0];
    }

    private void runChecked(Network net) {
        long diverged = net.runCycle(true, null, record);
        if (diverged >= 0) {
            // a short cycle would make the per-step figure meaningless
            throw new IllegalStateException("network diverged at step " + diverged);
        }
    }
}
