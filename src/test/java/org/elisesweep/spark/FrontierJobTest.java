package org.elisesweep.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.elisesweep.sweep.ConfigProblems;
import org.elisesweep.sweep.FrontierFile;
import org.elisesweep.sweep.FrontierPlan;
import org.elisesweep.sweep.FrontierStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Frontier sweeps of real simulations on embedded Spark, read back with Spark SQL. */
class FrontierJobTest {
    /** A tiny, quick network; the frontier searches the fraction of learning synapses deleted before replay. */
    static String sweep(String name, String axes, String criterion, String searchKeys) {
        return "name = " + name + "\nseed = 5\n"
                + "base { training.cycles = 40, replay.cycles = 8" + (axes.contains("n-lat") ? "" : ", model.n-lat = 8")
                + " }\n" + (axes.isEmpty() ? "" : "axes = [ " + axes + " ]\n")
                + "execution { task-seconds = 0.2 }\n"
                + "frontier { path = noise.weights.delete-fraction, from = 0, to = 1, criterion = \"" + criterion + "\", "
                + searchKeys + " }\n";
    }

    private final SparkSession spark = SharedSpark.get();

    static FrontierPlan plan(String hocon) {
        return FrontierFile.parse(ConfigFactory.parseString(hocon), "test", Path.of("."));
    }

    private FrontierSummary run(FrontierPlan plan, Path out) throws Exception {
        return FrontierJob.run(spark, plan, new SweepJob.Options(out.toString(), false, false));
    }

    @Test
    void aCriterionMustBeAComparisonOverRunsColumns(@TempDir Path out) {
        for (String[] bad : new String[][] {
                {"replay_mean_sumcorr / n_vis", "frontier.criterion: 'replay_mean_sumcorr / n_vis' is not a comparison"},
                {"replay_mean_sumcor >= 0.8", "frontier.criterion: 'replay_mean_sumcor >= 0.8': "},
                {"replay_mean_sumcorr >>= 0.8", "frontier.criterion: 'replay_mean_sumcorr >>= 0.8' is not a Spark SQL expression"}}) {
            FrontierPlan plan = plan(sweep("bad", "", bad[0], "precision = 0.1"));
            String message = assertThrows(ConfigProblems.class, () -> run(plan, out)).getMessage();
            assertTrue(message.contains(bad[1]), message);
            if (bad[0].contains("sumcor ")) {
                assertTrue(message.contains("replay_mean_sumcor"), "names the unknown column: " + message);
            }
        }
        assertTrue(!Files.exists(out.resolve("runs")), "nothing ran");
    }

    @Test
    void aCriterionMayReadEachScenariosRobustnessRow(@TempDir Path out) throws Exception {
        // the default scenarios are replayed; a crossing known at 0.37 only holds where the map lookup works
        FrontierPlan plan = plan(sweep("robust", "", "robustness['silence-cycle'].sumcorr_before IS NOT NULL"
                + " AND robustness['tonic-window'].recovered IS NOT NULL AND noise_weights_delete_fraction < 0.37",
                "precision = 0.05, replicates = 1, probes = 3, max-rounds = 6"));
        FrontierSummary found = run(plan, out);
        assertEquals(FrontierStatus.CONVERGED, found.estimates().get(0).status(), found.estimates().toString());
        assertTrue(Math.abs(found.estimates().get(0).xStar() - 0.37) <= 0.05, found.estimates().toString());

        // a scenario the runs do not have is null, so the criterion fails over the whole range
        FrontierPlan absent = plan(sweep("absent", "", "robustness['no-such-clamp'].recovered",
                "precision = 0.1, replicates = 1, max-rounds = 2"));
        FrontierStatus status = run(absent, out).estimates().get(0).status();
        assertEquals(FrontierStatus.NO_CROSSING_BELOW, status);

        // a field a robustness row does not have is refused before anything runs
        FrontierPlan typo = plan(sweep("typo", "", "robustness['tonic-window'].recoverd", "precision = 0.1"));
        String message = assertThrows(ConfigProblems.class, () -> run(typo, out)).getMessage();
        assertTrue(message.contains("frontier.criterion: ") && message.contains("recoverd"), message);
    }

    @Test
    void aClampScenariosFieldIsSearchedByRewritingTheScenarioListOfEachProbe(@TempDir Path out) throws Exception {
        // the probes' clamp offset read back from their own replay_scenarios: a crossing known at 7.3 mV,
        // which only holds where each probe replayed the clamp with the offset it was given
        String sweep = "name = clamp\nseed = 5\n"
                + "base { training.cycles = 40, replay.cycles = 8, model.n-lat = 8,"
                + " replay.scenarios = [ { name = window, from-ms = 90, to-ms = 150, offset-mv = 15 } ] }\n"
                + "execution { task-seconds = 0.2 }\n"
                + "frontier { path = replay.scenarios.window.offset-mv, from = 0, to = 30, precision = 0.5,"
                + " replicates = 1, probes = 3, max-rounds = 8, criterion = \"robustness['window'].sumcorr_during IS NOT NULL"
                + " AND CAST(get_json_object(replay_scenarios[0], '$.offset-mv') AS DOUBLE) < 7.3\" }\n";
        FrontierSummary found = run(plan(sweep), out);
        assertEquals(FrontierStatus.CONVERGED, found.estimates().get(0).status(), found.estimates().toString());
        assertTrue(Math.abs(found.estimates().get(0).xStar() - 7.3) <= 0.5, found.estimates().toString());
        // every probe replayed exactly that one clamp, at its own offset
        List<Row> probes = spark.read().parquet(out.resolve("runs").toString())
                .selectExpr("size(replay_scenarios)", "get_json_object(replay_scenarios[0], '$.name')").distinct()
                .collectAsList();
        assertEquals(1, probes.size());
        assertEquals(1, probes.get(0).getInt(0));
        assertEquals("window", probes.get(0).getString(1));
        assertEquals(found.simulations(), spark.read().parquet(out.resolve("runs").toString())
                .selectExpr("replay_scenarios[0]").distinct().count(), "one offset per probe");
    }

    @Test
    void aKnownCrossingIsFoundWithinThePrecisionAndARerunComputesNothing(@TempDir Path out) throws Exception {
        // a criterion on the searched parameter's own column: the crossing is 0.37 whatever the simulations do
        FrontierPlan plan = plan(sweep("known", "", "noise_weights_delete_fraction < 0.37",
                "precision = 0.02, replicates = 1, probes = 3, max-rounds = 8"));
        FrontierSummary first = run(plan, out);
        assertTrue(first.complete());
        assertEquals(1, first.estimates().size());
        assertEquals(FrontierStatus.CONVERGED, first.estimates().get(0).status(), first.estimates().toString());
        double xStar = first.estimates().get(0).xStar();
        assertTrue(Math.abs(xStar - 0.37) <= 0.02, "x* = " + xStar);

        Row queried = TableQuery.run(spark, out.toString(), "SELECT status, x_star, sweep FROM frontiers").first();
        assertEquals("CONVERGED", queried.getString(0));
        assertEquals(xStar, queried.getDouble(1), 0.0);
        assertEquals("known", queried.getString(2));
        Path table = out.resolve("frontiers").resolve("sweep=known").resolve("frontiers.parquet");
        byte[] before = Files.readAllBytes(table);
        long committed = spark.read().parquet(out.resolve("runs").toString()).count();
        assertEquals(first.simulations(), committed);
        FrontierSummary again = run(plan, out);
        assertEquals(0, again.computedNow(), "every probe was committed");
        assertEquals(committed, spark.read().parquet(out.resolve("runs").toString()).count());
        assertArrayEquals(before, Files.readAllBytes(table), "the same table, bit for bit");
        // in any JVM too: parquet-mr lists a column's several encodings in hash order, so each column has one
        org.apache.parquet.hadoop.metadata.ParquetMetadata footer = ParquetFiles.footer(
                new org.apache.hadoop.fs.Path(table.toString()), spark.sparkContext().hadoopConfiguration());
        footer.getBlocks().forEach(b -> b.getColumns().forEach(c -> assertEquals(1, c.getEncodings().size(),
                c.getPath() + " " + c.getEncodings())));
    }

    @Test
    void theFrontiersTableBracketsTheCrossingOfTheProbesOwnOutcomes(@TempDir Path out) throws Exception {
        String criterion = "replay_mean_sumcorr / n_vis >= 0.005";
        FrontierPlan plan = plan(sweep("real", "{ path = model.n-lat, values = [6, 8] }", criterion,
                "precision = 0.05, replicates = 2, probes = 3, max-rounds = 3"));
        FrontierSummary summary = run(plan, out);
        assertTrue(summary.complete());

        spark.read().parquet(out.resolve("runs").toString()).createOrReplaceTempView("runs");
        List<Row> frontiers = spark.read().parquet(out.resolve("frontiers").toString())
                .orderBy("configuration").collectAsList();
        assertEquals(2, frontiers.size());
        assertTrue(frontiers.stream().anyMatch(f -> f.getAs("last_pass") != null && f.getAs("first_fail") != null),
                "with all learning synapses deleted replay fails, with none it passes: a bracket exists " + frontiers);
        for (Row f : frontiers) {
            int nLat = f.getInt(f.fieldIndex("model_n_lat"));
            assertEquals("noise.weights.delete-fraction", f.getString(f.fieldIndex("parameter")));
            assertEquals("real", f.getString(f.fieldIndex("sweep")));
            // the probes' own outcomes, by majority of their replicates, from the passing end (0) upwards
            List<Row> probes = spark.sql("SELECT noise_weights_delete_fraction, avg(CASE WHEN coalesce(" + criterion
                    + ", false) THEN 1.0 ELSE 0.0 END), count(*) FROM runs WHERE model_n_lat = " + nLat
                    + " GROUP BY 1 ORDER BY 1").collectAsList();
            Double lastPass = null;
            Double firstFail = null;
            long simulations = 0;
            for (Row p : probes) {
                simulations += p.getLong(2);
                if (firstFail == null && p.getDecimal(1).doubleValue() < 0.5) {
                    firstFail = p.getDouble(0);
                } else if (firstFail == null) {
                    lastPass = p.getDouble(0);
                }
            }
            assertEquals(lastPass, (Double) f.getAs("last_pass"), "n-lat " + nLat + ": " + f);
            assertEquals(firstFail, (Double) f.getAs("first_fail"), "n-lat " + nLat + ": " + f);
            assertEquals(simulations, f.getLong(f.fieldIndex("simulations")));
            assertEquals(probes.size(), f.getInt(f.fieldIndex("probes")));
            assertTrue(f.getInt(f.fieldIndex("rounds")) <= 3);
            String status = f.getString(f.fieldIndex("status"));
            assertTrue(!status.equals("RUNNING"), status);
            if (f.getAs("x_star") != null) {
                double x = f.getAs("x_star");
                assertTrue((Double) f.getAs("x_low") <= x && x <= (Double) f.getAs("x_high"), f.toString());
                assertNotNull(firstFail, "a crossing in the range has a failing probe: " + f);
            }
        }
        // the manifest plans every probe of every round, so none of them is stale
        FileSystem fs = org.apache.hadoop.fs.FileSystem.getLocal(spark.sparkContext().hadoopConfiguration());
        SweepManifest manifest = SweepManifest.read(fs, new TableLayout(fs.makeQualified(
                new org.apache.hadoop.fs.Path(out.toString())).toString(), "real"));
        Set<String> committed = new HashSet<>();
        spark.sql("SELECT point_id, replicate FROM runs").collectAsList()
                .forEach(r -> committed.add(CommittedRuns.key(r.getString(0), r.getInt(1))));
        assertEquals(committed, manifest.plannedKeys());
    }
}
