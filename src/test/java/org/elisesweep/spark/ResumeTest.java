package org.elisesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.elisesweep.model.Status;
import org.elisesweep.sweep.SweepFile;
import org.elisesweep.sweep.SweepPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A driver JVM killed in the middle of a sweep loses only what was in flight. */
class ResumeTest {
    static final String SWEEP = """
            name = resume
            seed = 3
            replicates = 4
            base { training.cycles = 120, replay.cycles = 8, model.n-lat = 10 }
            axes = [ { path = model.lambda, values = [0.5, 0.55, 0.6, 0.65] } ]
            execution { task-seconds = 0.01 }
            """;

    private final SparkSession spark = SharedSpark.get();

    @Test
    void aKilledDriverResumesWithoutRecomputingCommittedWork(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("resume.conf");
        Files.writeString(file, SWEEP);
        Path out = dir.resolve("out");
        Path runsDir = out.resolve("runs").resolve("sweep=resume");

        // 1. a real driver JVM, one core, so that tasks commit one after another; killed after 3 commits
        List<String> cmd = EliseJvm.command("sweep", file.toString(), "--out", out.toString(), "--master", "local[1]",
                "--no-progress", "--conf", "spark.ui.enabled=false");
        Process driver = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("driver.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (committedFiles(runsDir).size() < 3 && driver.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(driver.isAlive(), "the driver finished before it could be killed:\n"
                + Files.readString(dir.resolve("driver.log")));
        driver.destroyForcibly().waitFor();   // SIGKILL: no shutdown hooks, no cleanup

        // 2. what survived: committed files, untouched by the rerun
        Map<Path, FileTime> survived = new HashMap<>();
        for (Path p : committedFiles(runsDir)) {
            survived.put(p, Files.getLastModifiedTime(p));
        }
        assertTrue(survived.size() >= 3 && survived.size() < 16, "committed before the kill: " + survived.size());
        List<Row> before = spark.read().parquet(runsDir.toString()).select("point_id", "replicate", "started_at")
                .collectAsList();

        // 3. rerun: exactly the planned rows, none of the committed ones recomputed
        SweepPlan plan = SweepFile.load(file);
        SweepSummary summary = SweepJob.run(spark, plan, new SweepJob.Options(out.toString(), false, false));
        assertTrue(summary.complete());
        assertEquals(before.size(), summary.skipped());
        assertEquals(16, summary.total().get(Status.OK));
        assertEquals(16, spark.read().parquet(runsDir.toString()).count());
        assertEquals(16, spark.read().parquet(runsDir.toString()).select("point_id", "replicate").distinct().count());
        for (Map.Entry<Path, FileTime> e : survived.entrySet()) {
            assertEquals(e.getValue(), Files.getLastModifiedTime(e.getKey()), "rewritten: " + e.getKey());
        }
        List<Row> after = spark.read().parquet(runsDir.toString()).select("point_id", "replicate", "started_at")
                .collectAsList();
        assertTrue(after.containsAll(before));
        // detail tables agree with runs: no orphan or duplicate rows from the killed attempt
        assertEquals(16 * 4, spark.read().parquet(out.resolve("robustness").toString()).count());
        assertFalse(Files.exists(out.resolve("_staging").resolve("resume")) && !isEmpty(out.resolve("_staging").resolve("resume")));
    }

    private static List<Path> committedFiles(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("part-")).toList();
        }
    }

    private static boolean isEmpty(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
