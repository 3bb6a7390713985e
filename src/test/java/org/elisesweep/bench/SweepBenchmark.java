package org.elisesweep.bench;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.SparkSession;
import org.elisesweep.model.Simulation;
import org.elisesweep.model.SimulationListener;
import org.elisesweep.model.SimulationResult;
import org.elisesweep.spark.SparkSessions;
import org.elisesweep.spark.SweepJob;
import org.elisesweep.spark.SweepSummary;
import org.elisesweep.sweep.PlannedRun;
import org.elisesweep.sweep.SweepFile;
import org.elisesweep.sweep.SweepPlan;

/**
 * Whole-sweep benchmark (not JMH: one run is minutes): the same simulations run by the Spark job
 * on local[N] (simulating, writing and committing Parquet, progress) and by a plain Java thread
 * pool of N threads that only simulates. The ratio is Spark's overhead. Both runs happen in one
 * JVM after a warm-up of both paths: pool, Spark, pool again, so the figures share one machine state.
 *
 * <p>Then lock-step on against off (issue 13): the same sweep by the Spark job with
 * {@code execution.lockstep = 1} and {@code = B}, off, on, off, one task per thread so that each
 * task holds simulations / threads of them (a group never spans tasks). {@code shared} (the
 * default): the simulations are points of one replicate that differ in teacher strength λ, so
 * they share their wiring (common random numbers), as the points of most sweeps do;
 * {@code distinct}: replicates of one point, each its own seed and wiring.
 *
 * <p>Usage: {@code jobs/bench-sweep.sh [threads] [training-cycles] [simulations] [B] [shared|distinct]}
 */
public final class SweepBenchmark {
    private SweepBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int cycles = args.length > 1 ? Integer.parseInt(args[1]) : 2500;
        int sims = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int lockstep = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        String wiring = args.length > 4 ? args[4] : "shared";
        if (!wiring.equals("shared") && !wiring.equals("distinct")) {
            throw new IllegalArgumentException("wiring: shared or distinct, got " + wiring);
        }
        boolean shared = wiring.equals("shared");
        Path dir = Files.createTempDirectory("elise-sweep-bench");
        SweepPlan warm = plan("bench-warm", 50, threads * 2, 1, shared);
        SweepPlan plan = plan("bench", cycles, sims, 1, shared);

        SparkSession spark = SparkSessions.forSweep("local[" + threads + "]", "elise-sweep benchmark",
                Map.of("spark.ui.enabled", "false"));
        try {
            SweepJob.run(spark, warm, new SweepJob.Options(dir.resolve("warm").toString(), false, false));
            threadPool(warm, threads);

            // pool, Spark, pool: the mean of the two pool runs brackets the Spark run against drift
            long t0 = System.nanoTime();
            double poolCpu = threadPool(plan, threads);
            double poolBefore = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            SweepSummary s = SweepJob.run(spark, plan, new SweepJob.Options(dir.resolve("spark").toString(), false,
                    false, threads));
            double sparkWall = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            threadPool(plan, threads);
            double poolAfter = (System.nanoTime() - t0) / 1e9;
            double pool = (poolBefore + poolAfter) / 2;
            System.out.printf("%d simulations of %d training cycles (%.1f s each on average), %d threads%n",
                    plan.simulations(), cycles, poolCpu / plan.simulations(), threads);
            System.out.printf("thread pool: %.1f s and %.1f s   spark local[%d]: %.1f s   spark / pool = %.3f "
                    + "(overhead %.1f %%)%n", poolBefore, poolAfter, threads, sparkWall, sparkWall / pool,
                    100 * (sparkWall / pool - 1));
            if (!s.complete()) {
                throw new IllegalStateException("the Spark sweep did not complete");
            }

            // lock-step off, on, off: the mean of the two off runs brackets the on run against drift
            SweepPlan on = plan("bench", cycles, sims, lockstep, shared);
            SweepJob.run(spark, plan("bench-warm", 50, threads * 2, lockstep, shared),
                    new SweepJob.Options(dir.resolve("warm-on").toString(), false, false, threads));
            double[] wall = new double[3];
            for (int k = 0; k < 3; k++) {
                t0 = System.nanoTime();
                SweepSummary r = SweepJob.run(spark, k == 1 ? on : plan, new SweepJob.Options(
                        dir.resolve("lockstep-" + k).toString(), false, false, threads));
                wall[k] = (System.nanoTime() - t0) / 1e9;
                if (!r.complete()) {
                    throw new IllegalStateException("the Spark sweep did not complete");
                }
            }
            double off = (wall[0] + wall[2]) / 2;
            System.out.printf("%s wiring: lock-step off: %.1f s and %.1f s   lock-step B = %d: %.1f s   off / on = "
                    + "%.3f%n", wiring, wall[0], wall[2], lockstep, wall[1], off / wall[1]);
        } finally {
            spark.stop();
        }
    }

    /** Runs every simulation of the plan on a fixed pool; returns the summed simulation seconds. */
    static double threadPool(SweepPlan plan, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<SimulationResult>> results = new ArrayList<>();
            for (PlannedRun run : plan.runs()) {
                results.add(pool.submit(() -> Simulation.run(run.spec(), SimulationListener.NONE)));
            }
            double seconds = 0;
            for (Future<SimulationResult> f : results) {
                seconds += f.get().wallSeconds();
            }
            return seconds;
        } finally {
            pool.shutdown();
        }
    }

    static SweepPlan plan(String name, int cycles, int sims, int lockstep, boolean shared) {
        String points = shared ? "replicates = 1\naxes = [ { path = model.lambda, linear { from = 0.5, to = 0.7, count = "
                + sims + " } } ]" : "replicates = " + sims;
        return SweepFile.parse(ConfigFactory.parseString("""
                name = %s
                %s
                base { training.cycles = %d, replay.cycles = 20 }
                execution { lockstep = %d }
                """.formatted(name, points, cycles, lockstep)), name, Path.of("."));
    }
}
