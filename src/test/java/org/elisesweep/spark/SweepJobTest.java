package org.elisesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.elisesweep.model.Lockstep;
import org.elisesweep.model.Simulation;
import org.elisesweep.model.SimulationListener;
import org.elisesweep.model.SimulationResult;
import org.elisesweep.model.Status;
import org.elisesweep.sweep.PlannedRun;
import org.elisesweep.sweep.SweepFile;
import org.elisesweep.sweep.SweepPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end sweeps on embedded Spark, read back with Spark SQL. */
class SweepJobTest {
    /** 3 points × 2 replicates of a small, quick network. */
    static final String SWEEP = """
            name = e2e
            seed = 5
            replicates = 2
            base { training.cycles = 40, replay.cycles = 8, model.n-lat = 8 }
            axes = [ { path = model.lambda, values = [0.5, 0.6, 0.7] } ]
            execution { task-seconds = 0.2 }
            """;

    private final SparkSession spark = SharedSpark.get();

    static SweepPlan plan(String hocon) {
        return SweepFile.parse(ConfigFactory.parseString(hocon), "test", Path.of("."));
    }

    private SweepSummary run(SweepPlan plan, Path out, int tasks) throws Exception {
        return SweepJob.run(spark, plan, new SweepJob.Options(out.toString(), false, false, tasks));
    }

    private Dataset<Row> table(Path out, String name) {
        return spark.read().parquet(out.resolve(name).toString());
    }

    @Test
    void tablesHoldExactlyThePlannedRowsAndReadBackWithSparkSql(@TempDir Path out) throws Exception {
        SweepPlan plan = plan(SWEEP);
        SweepSummary summary = run(plan, out, 0);
        assertTrue(summary.complete());
        assertEquals(6, summary.total().get(Status.OK));

        table(out, "runs").createOrReplaceTempView("runs");
        List<Row> byLambda = spark.sql("SELECT model_lambda, count(*), count(DISTINCT point_id), "
                + "count(DISTINCT replicate), min(status), max(status), first(sweep) FROM runs GROUP BY model_lambda "
                + "ORDER BY model_lambda").collectAsList();
        assertEquals(3, byLambda.size());
        for (Row r : byLambda) {
            assertEquals(2L, r.getLong(1));
            assertEquals(1L, r.getLong(2));
            assertEquals(2L, r.getLong(3));
            assertEquals("OK", r.getString(4));
            assertEquals("OK", r.getString(5));
            assertEquals("e2e", r.getString(6));
        }
        assertEquals(0.5, byLambda.get(0).getDouble(0), 0.0);
        // every parameter is a typed column: 1.0 in the defaults is a double, n-lat a whole number
        org.apache.spark.sql.types.StructType schema = table(out, "runs").schema();
        assertEquals("double", schema.apply("model_density").dataType().typeName());
        assertEquals("double", schema.apply("pattern_step_ms").dataType().typeName());
        assertEquals("integer", schema.apply("model_n_lat").dataType().typeName());
        assertEquals("boolean", schema.apply("model_protect_scaffold").dataType().typeName());
        // 2 validation cycles (0, 20) per simulation; 5 scenarios × scored cycles 3…6; 4 clamps
        assertEquals(6 * 2, table(out, "curves").count());
        assertEquals(6 * 5 * 4, table(out, "replay").count());
        assertEquals(6 * 4, table(out, "robustness").count());
        assertEquals(0, spark.sql("SELECT point_id, replicate FROM runs GROUP BY point_id, replicate "
                + "HAVING count(*) > 1").count());
    }

    @Test
    void aPointGivesTheSameMetricsAloneAndInASweepWithOneOrFourTasks(@TempDir Path out) throws Exception {
        SweepPlan plan = plan(SWEEP);
        run(plan, out.resolve("one"), 1);
        run(plan, out.resolve("four"), 4);
        Map<String, Row> one = byKey(table(out.resolve("one"), "runs"));
        Map<String, Row> four = byKey(table(out.resolve("four"), "runs"));
        assertEquals(6, one.size());
        for (Map.Entry<String, Row> e : one.entrySet()) {
            Row a = e.getValue();
            Row b = four.get(e.getKey());
            for (String col : List.of("final_mse", "final_sumcorr", "replay_mean_sumcorr", "replay_drift_ms_per_cycle",
                    "spectral_radius")) {
                assertEquals((double) a.getAs(col), (double) b.getAs(col), 0.0, col + " of " + e.getKey());
            }
        }
        // and the same simulation run alone, outside Spark
        PlannedRun run = plan.runs().get(3);
        SimulationResult alone = Simulation.run(run.spec(), SimulationListener.NONE);
        Row inSweep = one.get(run.pointId() + "/" + run.replicate());
        assertEquals(alone.curve().finalMse(), (double) inSweep.getAs("final_mse"), 0.0);
        assertEquals(alone.scenarios().get(0).scores().meanSumCorr(), (double) inSweep.getAs("replay_mean_sumcorr"), 0.0);
    }

    @Test
    void aLockstepSweepWritesTheTablesOfASweepWithoutLockstepBitForBit(@TempDir Path out) throws Exception {
        // the 8 simulations share a shape: one task steps them as one group of 8 (the vector kernels)
        String diverging = "{ path = model.weight-sd, values = [0.5, 400] }";   // 400: two runs diverge at once
        String sweep = SWEEP.replace("values = [0.5, 0.6, 0.7] } ]", "values = [0.5, 0.7] }, " + diverging + " ]")
                .replace("task-seconds = 0.2", "task-seconds = 0.2, lockstep = LOCKSTEP");
        SweepSummary alone = run(plan(sweep.replace("LOCKSTEP", "1")), out.resolve("off"), 1);
        SweepSummary together = run(plan(sweep.replace("LOCKSTEP", "8")), out.resolve("on"), 1);
        // the summary says how much ran in groups: none off; on, the group's steps until two diverged at
        // once (the 6 left run alone under the vector kernels, which take whole vectors, together otherwise)
        assertEquals(alone.stepsNow().simulated(), together.stepsNow().simulated(), "the same simulations");
        assertEquals(0, alone.stepsNow().inGroups());
        assertTrue(together.stepsNow().inGroups() > 0, together.stepsNow().toString());
        if (Lockstep.vectorised()) {
            assertTrue(together.stepsNow().inGroups() < together.stepsNow().simulated(), together.stepsNow().toString());
        } else {
            assertEquals(together.stepsNow().simulated(), together.stepsNow().inGroups());
        }
        // what may differ: timing, and the hash of the sweep file (whose lockstep line differs)
        List<String> timing = List.of("wall_seconds", "us_per_step", "started_at", "ended_at", "config_hash");
        for (String name : List.of(Tables.RUNS, Tables.CURVES, Tables.REPLAY, Tables.ROBUSTNESS)) {
            Dataset<Row> off = table(out.resolve("off"), name);
            Dataset<Row> on = table(out.resolve("on"), name);
            for (String col : timing) {
                off = off.drop(col);
                on = on.drop(col);
            }
            List<String> a = off.collectAsList().stream().map(Row::toString).sorted().toList();
            List<String> b = on.collectAsList().stream().map(Row::toString).sorted().toList();
            assertTrue(a.size() > 0, name);
            assertEquals(a, b, "table " + name);
        }
        table(out.resolve("on"), "runs").createOrReplaceTempView("lockstep_runs");
        assertEquals(List.of("DIVERGED", "OK"), spark.sql("SELECT DISTINCT status FROM lockstep_runs ORDER BY status")
                .collectAsList().stream().map(r -> r.getString(0)).toList());
        // each member's own times: the runs that diverge at once leave the group before the others end
        Row times = spark.sql("SELECT max(CASE WHEN status = 'DIVERGED' THEN ended_at END), "
                + "min(CASE WHEN status = 'OK' THEN ended_at END), min(started_at) FROM lockstep_runs").first();
        assertTrue(times.getTimestamp(0).before(times.getTimestamp(1)), "diverged ended " + times.getTimestamp(0)
                + ", the first OK run " + times.getTimestamp(1));
        assertTrue(!times.getTimestamp(2).after(times.getTimestamp(0)), "started before any ended");
    }

    private static Map<String, Row> byKey(Dataset<Row> runs) {
        Map<String, Row> m = new HashMap<>();
        for (Row r : runs.collectAsList()) {
            m.put(r.getAs("point_id") + "/" + r.getAs("replicate"), r);
        }
        return m;
    }

    @Test
    void aDivergingSimulationIsARowAndTheSweepSucceeds(@TempDir Path out) throws Exception {
        SweepPlan plan = plan("""
                name = diverging
                replicates = 1
                base { training.cycles = 40, replay.cycles = 8, model.n-lat = 8 }
                axes = [ { path = model.dt, values = [0.1, 2.5] } ]
                """);
        SweepSummary summary = run(plan, out, 0);
        assertTrue(summary.complete());
        assertEquals(1, summary.total().get(Status.OK));
        assertEquals(1, summary.total().get(Status.DIVERGED));
        Row diverged = table(out, "runs").filter("status = 'DIVERGED'").first();
        assertEquals(2.5, (double) diverged.getAs("model_dt"), 0.0);
        assertTrue(((String) diverged.getAs("error")).contains("diverged at step"));
    }

    @Test
    void rerunningComputesNothingAndRerunFailedReplacesOnlyTheFailedRows(@TempDir Path out) throws Exception {
        SweepPlan plan = plan("""
                name = rerun
                replicates = 2
                base { training.cycles = 40, replay.cycles = 8, model.n-lat = 8 }
                axes = [ { path = model.dt, values = [0.1, 2.5] } ]
                """);
        run(plan, out, 0);
        Map<String, Row> before = byKey(table(out, "runs"));
        SweepSummary again = run(plan, out, 0);
        assertEquals(4, again.skipped());
        assertEquals(0, again.computedNow().values().stream().mapToLong(Long::longValue).sum());

        SweepSummary redo = SweepJob.run(spark, plan, new SweepJob.Options(out.toString(), true, false, 0));
        assertEquals(2, redo.computedNow().get(Status.DIVERGED));
        Map<String, Row> after = byKey(table(out, "runs"));
        assertEquals(4, after.size());
        assertEquals(4, table(out, "runs").count());
        for (Map.Entry<String, Row> e : before.entrySet()) {
            boolean ok = "OK".equals(e.getValue().getAs("status"));
            boolean sameRun = e.getValue().getAs("started_at").equals(after.get(e.getKey()).getAs("started_at"));
            assertEquals(ok, sameRun, "only failed simulations are recomputed: " + e.getKey());
        }
    }
}
