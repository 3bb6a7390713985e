package org.elisesweep.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.elisesweep.sweep.FrontierFile;
import org.elisesweep.sweep.FrontierPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A frontier driver JVM killed between rounds resumes where it stopped and ends as an uninterrupted run. */
class FrontierResumeTest {
    private final SparkSession spark = SharedSpark.get();

    @Test
    void aDriverKilledBetweenRoundsResumesWithoutRecomputingAndEndsWithTheSameTable(@TempDir Path dir) throws Exception {
        // proposals after the first round depend on the simulations' outcomes: a resumed driver must recompute them
        Path file = Files.writeString(dir.resolve("resume-frontier.conf"), FrontierJobTest.sweep("resume-frontier", "",
                "replay_mean_sumcorr / n_vis >= 0.005", "precision = 0.02, replicates = 2, probes = 2, max-rounds = 3")
                .replace("task-seconds = 0.2", "task-seconds = 0.01"));
        FrontierPlan plan = FrontierFile.load(file);

        // 1. the uninterrupted run
        Path whole = dir.resolve("whole");
        FrontierSummary reference = FrontierJob.run(spark, plan, new SweepJob.Options(whole.toString(), false, false));
        assertTrue(reference.complete());
        assertTrue(reference.rounds() >= 2, "a search of more than one round: " + reference.estimates());

        // 2. a real driver JVM on one core, killed (SIGKILL) once its first round's table is written
        Path out = dir.resolve("killed");
        Path table = out.resolve("frontiers").resolve("sweep=resume-frontier").resolve("frontiers.parquet");
        try (DriverProcess driver = DriverProcess.start(dir.resolve("driver.log"),
                DriverProcess.sweepOnOneCore(file, out))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            while (!Files.exists(table) && driver.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(driver.isAlive() && Files.exists(table), "the driver ended before its second round:\n"
                    + driver.output());
            driver.kill();
        }
        Path runsDir = out.resolve("runs").resolve("sweep=resume-frontier");
        List<Row> before = spark.read().parquet(runsDir.toString()).select("point_id", "replicate", "started_at")
                .collectAsList();

        // 3. rerun by the same command: the same probes, the committed ones kept as they are, the same table bit for bit
        String output;
        try (DriverProcess driver = DriverProcess.start(dir.resolve("rerun.log"), DriverProcess.sweepOnOneCore(file, out))) {
            assertEquals(0, driver.waitFor(java.time.Duration.ofMinutes(4)), driver.output());
            output = driver.output();
        }
        List<Row> after = spark.read().parquet(runsDir.toString()).select("point_id", "replicate", "started_at")
                .collectAsList();
        assertTrue(after.containsAll(before), "committed runs were not recomputed");
        assertEquals(after.size(), spark.read().parquet(runsDir.toString()).select("point_id", "replicate")
                .distinct().count(), "no simulation twice");
        assertEquals(reference.simulations(), after.size());
        assertTrue(before.size() < after.size(), "the killed driver left simulations to do");
        assertTrue(output.contains("frontier sweep resume-frontier: where replay_mean_sumcorr / n_vis >= 0.005 stops"
                + " holding, over noise.weights.delete-fraction: " + reference.rounds() + " rounds, " + after.size()
                + " simulations (" + (after.size() - before.size()) + " computed now)"), output);
        assertTrue(output.contains(reference.estimates().get(0).status().name()), output);
        assertEquals(spark.read().parquet(whole.resolve("runs").toString()).select("point_id", "replicate")
                .collectAsList().stream().map(Row::toString).sorted().toList(),
                after.stream().map(r -> r.get(0) + "," + r.get(1)).map(s -> "[" + s + "]").sorted().toList());
        assertEquals(spark.read().parquet(whole.resolve("frontiers").toString()).collectAsList().toString(),
                spark.read().parquet(out.resolve("frontiers").toString()).collectAsList().toString());
        assertArrayEquals(Files.readAllBytes(whole.resolve("frontiers").resolve("sweep=resume-frontier")
                .resolve("frontiers.parquet")), Files.readAllBytes(table));
    }
}
