package org.elisesweep.hdfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.elisesweep.spark.DriverProcess;
import org.elisesweep.spark.SharedSpark;
import org.elisesweep.sweep.SweepFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit protocol on a real HDFS (MiniHdfs on 127.0.0.1): a sweep written to
 * {@code hdfs://127.0.0.1:PORT/out} by a driver JVM that is killed with SIGKILL after a few
 * batches are committed, then resumed by another driver JVM, ends with exactly the planned rows
 * (read back by Spark SQL from hdfs://), the batches committed before the kill untouched.
 */
class HdfsSweepIT {
    /** 4 points × 4 replicates, one simulation per batch (the sweep ResumeTest kills on a local file system). */
    private static final java.nio.file.Path SWEEP_FILE = java.nio.file.Path.of("src/test/resources/sweeps/resume.conf");
    private static final int PLANNED = 16;

    @TempDir
    static java.nio.file.Path dir;
    private static MiniHdfs hdfs;
    private static FileSystem fs;

    @BeforeAll
    static void startHdfs() throws Exception {
        hdfs = MiniHdfs.start(dir.resolve("hdfs"));
        fs = hdfs.fileSystem();
    }

    @AfterAll
    static void stopHdfs() {
        hdfs.close();
    }

    private static String[] sweepArgs(java.nio.file.Path file, String out) {
        return new String[] {"sweep", file.toString(), "--out", out, "--master", "local[1]", "--no-progress",
            "--no-report", "--conf", "spark.ui.enabled=false"};
    }

    @Test
    void aDriverKilledOnHdfsIsResumedToExactlyThePlannedRows() throws Exception {
        java.nio.file.Path file = SWEEP_FILE;
        String out = hdfs.uri("/out");
        Path runsDir = new Path(out + "/runs/sweep=resume");

        // 1. a real driver JVM writing to hdfs://, killed (SIGKILL) once 3 batches are committed
        try (DriverProcess driver = DriverProcess.start(dir.resolve("killed.log"), sweepArgs(file, out))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (committed(runsDir).size() < 3 && driver.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(driver.isAlive(), "the driver ended before it could be killed:\n" + driver.output());
            driver.kill();
        }
        Map<Path, FileStatus> survived = new HashMap<>();
        committed(runsDir).forEach(s -> survived.put(s.getPath(), s));
        assertTrue(survived.size() >= 3 && survived.size() < PLANNED, "committed before the kill: " + survived.size());
        SparkSession spark = SharedSpark.get();
        List<Row> before = spark.read().parquet(runsDir.toString()).select("point_id", "replicate", "started_at")
                .collectAsList();

        // 2. the same command again, in another driver JVM: computes only what was not committed
        try (DriverProcess resumed = DriverProcess.start(dir.resolve("resumed.log"), sweepArgs(file, out))) {
            assertEquals(0, resumed.waitFor(Duration.ofSeconds(120)), resumed.output());
            // the killed driver's lease (its process gone from this host) is taken over at once
            assertTrue(resumed.output().contains("warning: taking over the stale lease of sweep 'resume'"),
                    resumed.output());
            Matcher m = Pattern.compile("(\\d+) of (\\d+) simulations committed \\((\\d+) computed now, (\\d+) already"
                    + " done\\)").matcher(resumed.output());
            assertTrue(m.find(), resumed.output());
            assertEquals(List.of(PLANNED, PLANNED, PLANNED - before.size(), before.size()),
                    List.of(m.group(1), m.group(2), m.group(3), m.group(4)).stream().map(Integer::valueOf).toList());
        }

        // 3. read back by Spark SQL from hdfs://: exactly the planned (point_id, replicate), each once
        spark.read().parquet(out + "/runs").createOrReplaceTempView("runs");
        List<Row> keys = spark.sql("SELECT point_id, replicate, COUNT(*) AS n FROM runs WHERE sweep = 'resume'"
                + " GROUP BY point_id, replicate").collectAsList();
        Set<String> planned = SweepFile.load(file).runs().stream().map(r -> r.pointId() + "/" + r.replicate())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(PLANNED, planned.size());
        assertEquals(planned, keys.stream().map(r -> r.getString(0) + "/" + r.getInt(1))
                .collect(Collectors.toCollection(TreeSet::new)));
        assertTrue(keys.stream().allMatch(r -> r.getLong(2) == 1), "a simulation twice: " + keys);
        // detail rows match: one robustness row per disturbance (4) of each simulation, none from the killed attempt
        assertEquals(PLANNED * 4L, spark.read().parquet(out + "/robustness").where("sweep = 'resume'").count());

        // 4. the batches committed before the kill are the same files, unchanged, with the same rows
        for (FileStatus s : survived.values()) {
            FileStatus now = fs.getFileStatus(s.getPath());
            assertEquals(s.getModificationTime(), now.getModificationTime(), "rewritten: " + s.getPath());
            assertEquals(s.getLen(), now.getLen(), "rewritten: " + s.getPath());
        }
        List<Row> after = spark.read().parquet(runsDir.toString()).select("point_id", "replicate", "started_at")
                .collectAsList();
        assertTrue(after.containsAll(before));
        Path staging = new Path(out + "/_staging/resume");
        assertFalse(fs.exists(staging) && fs.listStatus(staging).length > 0, "staging left behind");
    }

    /** The committed {@code part-} files of a runs partition on HDFS. */
    private static List<FileStatus> committed(Path partition) throws java.io.IOException {
        if (!fs.exists(partition)) {
            return List.of();
        }
        return List.of(fs.listStatus(partition, p -> p.getName().startsWith("part-")));
    }
}
