package org.elisesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.elisesweep.model.Status;
import org.elisesweep.sweep.ConfigProblems;
import org.elisesweep.sweep.SweepPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stored trained networks (the {@code networks} table) and sweeps that run new disturbances on
 * them without training again ({@code from-networks}): a stored network reloaded from Parquet
 * replays with metrics identical to the in-memory one, and new disturbances on it equal a whole
 * simulation with them.
 */
class StoredNetworksTest {
    /** 2 points × 2 replicates of a small network, its trained networks stored. */
    private static final String TRAINED = """
            name = trained
            seed = 5
            replicates = 2
            store-networks = true
            base { training.cycles = 40, replay.cycles = 8, model.n-lat = 8 }
            axes = [ { path = model.lambda, values = [0.5, 0.6] } ]
            execution { task-seconds = 0.2 }
            """;

    private final SparkSession spark = SharedSpark.get();

    private SweepSummary run(String hocon, Path out) throws Exception {
        return SweepJob.run(spark, SweepJobTest.plan(hocon), new SweepJob.Options(out.toString(), false, false, 0));
    }

    private String fromNetworks(Path trained) {
        return "from-networks { output = \"" + trained + "\", sweep = trained }\n";
    }

    /** Every row of a table as text, the given columns in order, sorted. */
    private List<String> rows(Path out, String table, String columns) {
        return spark.read().parquet(out.resolve(table).toString()).selectExpr(columns.split(","))
                .collectAsList().stream().map(Row::toString).sorted().collect(Collectors.toList());
    }

    private static final String REPLAY = "point_id,replicate,scenario,cycle,mse,sumcorr,best_shift_ms";
    private static final String ROBUSTNESS = "point_id,replicate,scenario,sumcorr_before,sumcorr_during,sumcorr_after,"
            + "mse_before,mse_during,mse_after,recovered,recovery_cycles,phase_jump_ms";
    private static final String RUNS = "point_id,replicate,seed,status,learned_at_cycle,final_mse,final_sumcorr,"
            + "replay_mean_sumcorr,replay_min_sumcorr,replay_final_sumcorr,replay_mean_mse,replay_drift_ms_per_cycle,"
            + "spectral_radius";

    @Test
    void storedNetworksReplayFromParquetWithMetricsIdenticalToTheTrainingSweep(@TempDir Path dir) throws Exception {
        Path trained = dir.resolve("trained");
        assertEquals(4, run(TRAINED, trained).total().get(Status.OK));
        // one stored network per simulation, keyed like runs, its snapshot a sizeable binary
        List<Row> networks = spark.read().parquet(trained.resolve("networks").toString())
                .selectExpr("point_id", "replicate", "length(snapshot)", "neurons", "training_steps", "sweep")
                .collectAsList();
        assertEquals(4, networks.size());
        for (Row r : networks) {
            int n = r.getInt(3);
            assertEquals(13 + 8, n);
            assertTrue(r.getInt(2) > 8 * n * n, "snapshot holds at least W: " + r.getInt(2) + " bytes");
            assertEquals(41L * 2500, r.getLong(4));
            assertEquals("trained", r.getString(5));
        }

        // a sweep that sets nothing continues each stored network exactly as the training sweep did
        Path again = dir.resolve("again");
        SweepSummary summary = run("name = again\n" + fromNetworks(trained), again);
        assertEquals(4, summary.total().get(Status.OK));
        assertEquals(rows(trained, "runs", RUNS), rows(again, "runs", RUNS));
        assertEquals(rows(trained, "replay", REPLAY), rows(again, "replay", REPLAY));
        assertEquals(rows(trained, "robustness", ROBUSTNESS), rows(again, "robustness", ROBUSTNESS));
        assertEquals(rows(trained, "curves", "point_id,replicate,cycle,mse,sumcorr"),
                rows(again, "curves", "point_id,replicate,cycle,mse,sumcorr"));
        // without training: each run simulated only its replay (5 scenarios × 8 cycles of 2500 steps)
        assertEquals(List.of("[100000]"), rows(again, "runs", "steps").stream().distinct().toList());
        assertTrue(Files.notExists(again.resolve("networks")), "a sweep on stored networks stores none");
    }

    @Test
    void newDisturbancesOnStoredNetworksEqualWholeSimulationsWithThem(@TempDir Path dir) throws Exception {
        Path trained = dir.resolve("trained");
        run(TRAINED, trained);
        String disturbances = """
                base { noise.membrane.phase = replay, noise.weights.kind = multiplicative, replay.cycles = 10 }
                axes = [ { zip = [ { path = noise.membrane.dendrite-sigma, values = [0.0, 2.0] },
                                   { path = noise.weights.sigma, values = [0.0, 0.1] } ] } ]
                """;
        Path disturbed = dir.resolve("disturbed");
        assertEquals(8, run("name = disturbed\n" + fromNetworks(trained) + disturbances, disturbed)
                .total().get(Status.OK));
        // the same simulations from scratch: the training sweep's base and axis plus the disturbances
        Path whole = dir.resolve("whole");
        run("""
                name = whole
                seed = 5
                replicates = 2
                base { training.cycles = 40, model.n-lat = 8, noise.membrane.phase = replay,
                       noise.weights.kind = multiplicative, replay.cycles = 10 }
                axes = [ { path = model.lambda, values = [0.5, 0.6] },
                         { zip = [ { path = noise.membrane.dendrite-sigma, values = [0.0, 2.0] },
                                   { path = noise.weights.sigma, values = [0.0, 0.1] } ] } ]
                """, whole);
        assertEquals(rows(whole, "runs", RUNS), rows(disturbed, "runs", RUNS));
        assertEquals(rows(whole, "replay", REPLAY), rows(disturbed, "replay", REPLAY));
        assertEquals(rows(whole, "robustness", ROBUSTNESS), rows(disturbed, "robustness", ROBUSTNESS));
        // and the disturbance changed the replay
        List<Row> byNoise = spark.read().parquet(disturbed.resolve("runs").toString())
                .groupBy("noise_membrane_dendrite_sigma").avg("replay_mean_mse")
                .orderBy("noise_membrane_dendrite_sigma").collectAsList();
        assertNotEquals(byNoise.get(0).getDouble(1), byNoise.get(1).getDouble(1));
    }

    @Test
    void noiseThatWouldActInTrainingIsRejectedBeforeAnythingRuns(@TempDir Path dir) throws Exception {
        Path trained = dir.resolve("trained");
        run(TRAINED, trained);
        ConfigProblems e = assertThrows(ConfigProblems.class, () -> run("name = bad\n" + fromNetworks(trained)
                + "axes = [ { path = noise.membrane.dendrite-sigma, values = [1.0] } ]", dir.resolve("bad")));
        assertTrue(e.getMessage().contains("noise.membrane.dendrite-sigma = 1.0"), e.getMessage());
        assertTrue(e.getMessage().contains("noise.membrane.phase"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("bad").resolve("runs")));
    }

    @Test
    void aDirectoryWithoutStoredNetworksIsNamed(@TempDir Path dir) throws Exception {
        Path plain = dir.resolve("plain");
        run(TRAINED.replace("store-networks = true", ""), plain);
        ConfigProblems e = assertThrows(ConfigProblems.class,
                () -> run("name = x\nfrom-networks { output = \"" + plain + "\" }", dir.resolve("x")));
        assertTrue(e.getMessage().contains("has no networks table"), e.getMessage());
        assertTrue(e.getMessage().contains("store-networks = true"), e.getMessage());
    }

    @Test
    void aSweepOnStoredNetworksMaySetOnlyWhatActsAfterTraining() {
        ConfigProblems e = assertThrows(ConfigProblems.class, () -> SweepJobTest.plan("""
                name = x
                replicates = 3
                from-networks { output = out/trained }
                base { model.eta-lat = 1e-3 }
                axes = [ { path = training.cycles, values = [10, 20] }, { path = replay.cycles, values = [10, 20] } ]
                """));
        String m = e.getMessage();
        assertTrue(m.contains("base.model.eta-lat: a sweep on stored networks"), m);
        assertTrue(m.contains("axes[0]") && m.contains("training.cycles"), m);
        assertTrue(m.contains("replicates: a sweep on stored networks"), m);
        assertTrue(!m.contains("replay.cycles:"), m);
        SweepPlan ok = SweepJobTest.plan("name = y\nfrom-networks { output = out/trained }\n"
                + "axes = [ { path = replay.cycles, values = [10, 20] } ]");
        assertTrue(ok.continuesStoredNetworks());
        assertEquals(List.of("replay.cycles"), List.copyOf(ok.networks().overridePaths()));
    }
}
