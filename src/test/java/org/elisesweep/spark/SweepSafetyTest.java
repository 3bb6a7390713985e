package org.elisesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.elisesweep.model.Status;
import org.elisesweep.sweep.SweepPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fail-fast, mixing of model versions, and the dry-run estimate. */
class SweepSafetyTest {
    private final SparkSession spark = SharedSpark.get();

    @Test
    void failFastStopsASweepWhoseFirstSimulationsAllFailAlike(@TempDir Path out) throws Exception {
        SweepPlan plan = SweepJobTest.plan("""
                name = broken
                replicates = 40
                base { training.cycles = 40, replay.cycles = 8, model.n-lat = 8, model.dt = 2.5 }
                execution { fail-fast = 3 }
                """);
        SweepSummary s = SweepJob.run(spark, plan, new SweepJob.Options(out.toString(), false, false, 40));
        assertTrue(s.abortReason() != null && s.abortReason().startsWith("fail-fast: the first"), s.abortReason());
        assertTrue(s.abortReason().contains("DIVERGED"), s.abortReason());
        assertFalse(s.complete());
        assertTrue(s.committed() < 40, "committed " + s.committed());
        assertEquals(s.committed(), (long) s.total().get(Status.DIVERGED));
    }

    @Test
    void resultsOfAnotherModelVersionAreNeverMixedIn(@TempDir Path out) throws Exception {
        SweepPlan plan = SweepJobTest.plan(SweepJobTest.SWEEP);
        SweepJob.run(spark, plan, new SweepJob.Options(out.toString(), false, false, 1));
        // pretend an older simulator computed part of it
        Path runs = out.resolve("runs").resolve("sweep=e2e");
        TableFixtures.writeAsCommittedFile(spark.read().parquet(runs.toString()).limit(1)
                .withColumn("model_version", functions.lit("elise-model-0")), runs.resolve("part-0000000000000000old0.parquet"));
        SweepConflictException e = assertThrows(SweepConflictException.class,
                () -> SweepJob.run(spark, plan, new SweepJob.Options(out.toString(), false, false)));
        assertTrue(e.getMessage().contains("model version elise-model-0"), e.getMessage());
    }


    @Test
    void dryRunCountsAndEstimatesWithoutRunning(@TempDir Path out) throws Exception {
        SweepPlan plan = SweepJobTest.plan(SweepJobTest.SWEEP);
        DryRun d = DryRun.of(plan);
        assertEquals(3, d.points());
        assertEquals(6, d.simulations());
        assertEquals(java.util.List.of("model.lambda"), d.varied());
        double us = d.microsPerStepBySize().get(21);
        assertTrue(us > 0.01 && us < 100, "µs per step " + us);
        // 6 × (41 + 5 × 8) cycles × 2500 steps at the calibrated speed
        assertEquals(6 * 81 * 2500 * us * 1e-6 / 3600, d.coreHours(), 1e-12);
        assertFalse(java.nio.file.Files.exists(out.resolve("runs")));
        // a busy-machine calibration: the fastest repeat is used, and it is the fastest
        DryRun.Speed speed = d.speedBySize().get(21);
        assertEquals(us, speed.used());
        assertTrue(speed.used() <= speed.median() && speed.median() <= speed.slowest(), speed.toString());
        assertTrue(d.medianCoreHours() >= d.coreHours());
        assertEquals(0, d.committed());
        assertEquals(d.coreHours(), d.remainingCoreHours(), 1e-15);
        // 3 points × 2 replicates: no group of 8 of one wiring
        assertEquals(new DryRun.Grouping(0, 0, 0), d.lockstep());
    }

    @Test
    void aDryRunSaysHowManySimulationsFallInLockstepGroups() {
        // 8 values of λ × 2 replicates: each replicate's 8 points share their wiring, so two groups of 8;
        // a 9th value is left over in each replicate and runs alone
        String nine = SweepJobTest.SWEEP.replace("values = [0.5, 0.6, 0.7] }",
                "values = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9] }");
        DryRun d = DryRun.of(SweepJobTest.plan(nine));
        assertEquals(18, d.simulations());
        assertEquals(new DryRun.Grouping(0, 16, 2), d.lockstep());
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        d.print(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(printed.toString(java.nio.charset.StandardCharsets.UTF_8)
                .contains("lock-step (auto): 16 of 18 simulations in 2 groups, the rest alone"), printed.toString());
        // lockstep = 1: off
        DryRun off = DryRun.of(SweepJobTest.plan(nine.replace("task-seconds = 0.2", "task-seconds = 0.2, lockstep = 1")));
        assertEquals(new DryRun.Grouping(1, 0, 0), off.lockstep());
    }

    @Test
    void aDryRunOnAnOutputTakesTheSpeedItsCommittedRunsMeasuredAndCountsThem(@TempDir Path out) throws Exception {
        SweepPlan plan = SweepJobTest.plan(SweepJobTest.SWEEP);
        SweepJob.run(spark, plan, new SweepJob.Options(out.toString(), false, false, 1));
        DryRun d = DryRun.of(plan, CommittedSpeeds.read(out.toString(), plan.name(),
                spark.sparkContext().hadoopConfiguration()));
        assertEquals(6, d.committed());
        assertEquals(0, d.remainingCoreHours());
        // the median of the committed runs' own µs per step, read independently with Spark SQL
        double[] measured = spark.read().parquet(out.resolve("runs").toString()).select("us_per_step")
                .as(org.apache.spark.sql.Encoders.DOUBLE()).collectAsList().stream().mapToDouble(Double::doubleValue)
                .sorted().toArray();
        assertEquals(measured[3], d.speedBySize().get(21).used());
        assertEquals("median of 6 committed runs of this output", d.speedBySize().get(21).source());
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        d.print(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(printed.toString(java.nio.charset.StandardCharsets.UTF_8)
                .contains("already committed: 6 of 6 simulations; left: 0.0 core-minutes"), printed.toString());
    }
}
