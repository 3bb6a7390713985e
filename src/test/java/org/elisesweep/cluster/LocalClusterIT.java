package org.elisesweep.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep job on a real Spark standalone cluster on 127.0.0.1 (a Master and two Workers started
 * by jobs/local-cluster.sh from the project's jars), submitted by jobs/sweep.sh --master.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalClusterIT {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final int PORT = 17077;
    private static final String MASTER = "spark://127.0.0.1:" + PORT;
    private Path clusterDir;
    private SparkSession spark;

    static final String SWEEP = """
            name = cluster
            seed = 11
            replicates = 3
            base { training.cycles = 60, replay.cycles = 8, model.n-lat = 10 }
            axes = [ { path = model.lambda, values = [0.5, 0.6, 0.7, 0.8] } ]
            execution { task-seconds = 0.05 }
            """;

    @BeforeAll
    void startCluster() throws Exception {
        clusterDir = ROOT.resolve("target/it-cluster");
        Result r = run(List.of("jobs/local-cluster.sh", "start", "2", "1"), 180);
        assertEquals(0, r.code, r.output);
        assertTrue(r.output.contains(MASTER), r.output);
        spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    @AfterAll
    void stopCluster() throws Exception {
        run(List.of("jobs/local-cluster.sh", "stop"), 60);
        assertEquals("stopped\n", run(List.of("jobs/local-cluster.sh", "status"), 30).output);
        assertFalse(Files.exists(clusterDir.resolve("master.pid")));
    }

    private record Result(int code, String output) {
    }

    private Result run(List<String> cmd, int timeoutSeconds) throws Exception {
        return run(cmd, timeoutSeconds, Map.of());
    }

    private Result run(List<String> cmd, int timeoutSeconds, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("ELISE_CLUSTER_DIR", ROOT.resolve("target/it-cluster").toString());
        pb.environment().put("ELISE_MASTER_PORT", Integer.toString(PORT));
        pb.environment().put("ELISE_MASTER_UI_PORT", "18080");
        pb.environment().remove("SPARK_HOME");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(timeoutSeconds, TimeUnit.SECONDS), "timed out: " + cmd);
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private Result sweep(Path file, Path out, String master) throws Exception {
        return sweep(file, out, master, Map.of());
    }

    private Result sweep(Path file, Path out, String master, Map<String, String> env) throws Exception {
        return run(List.of("jobs/sweep.sh", file.toString(), "--out", out.toString(), "--master", master,
                "--no-progress"), 300, env);
    }

    private Map<String, Row> runs(Path out) {
        Map<String, Row> m = new HashMap<>();
        for (Row r : spark.read().parquet(out.resolve("runs").toString()).collectAsList()) {
            m.put(r.getAs("point_id") + "/" + r.getAs("replicate"), r);
        }
        return m;
    }

    @Test
    void aSweepOnTheClusterMatchesTheEmbeddedOneBitForBit(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cluster.conf");
        Files.writeString(file, SWEEP);
        Map<String, Row> a = runOnClusterAndEmbedded(file, dir.resolve("cluster"), dir.resolve("local"), 12,
                List.of("final_mse", "final_sumcorr", "replay_mean_sumcorr", "replay_min_sumcorr",
                        "replay_drift_ms_per_cycle", "spectral_radius"), Map.of()).runs();
        // the cluster's executors ran the simulations, not the driver
        assertTrue(a.values().stream().allMatch(r -> "OK".equals(r.getAs("status"))));
    }

    @Test
    void lockstepGroupsOnTheClusterGiveTheBitsOfTheEmbeddedRunAlone(@TempDir Path dir) throws Exception {
        // 8 points of one replicate share their wiring: the executors (the Vector API module and C2,
        // conf/spark-defaults.conf) step each replicate's 8 as one lock-step group (execution.lockstep =
        // auto); the embedded JVM, started without the module (ELISE_VECTOR=off), runs every simulation alone
        Path file = dir.resolve("lockstep.conf");
        Files.writeString(file, SWEEP.replace("name = cluster", "name = lockstep").replace("replicates = 3",
                "replicates = 2").replace("values = [0.5, 0.6, 0.7, 0.8]", "values = [0.45, 0.5, 0.55, 0.6, 0.65, "
                + "0.7, 0.75, 0.8]"));
        Compared c = runOnClusterAndEmbedded(file, dir.resolve("cluster"), dir.resolve("local"), 16,
                List.of("final_mse", "final_sumcorr", "replay_mean_sumcorr", "replay_min_sumcorr",
                        "replay_drift_ms_per_cycle", "spectral_radius"), Map.of("ELISE_VECTOR", "off"));
        assertTrue(c.runs().values().stream().allMatch(r -> "OK".equals(r.getAs("status"))));
        // the summaries say so: every step in groups on the cluster, none embedded
        assertTrue(c.clusterOutput().contains("lock-step: 100 % of the "), c.clusterOutput());
        assertTrue(c.embeddedOutput().contains("lock-step: none of the "), c.embeddedOutput());
    }

    /** The cluster's runs by key, and what each sweep printed. */
    private record Compared(Map<String, Row> runs, String clusterOutput, String embeddedOutput) {
    }

    /**
     * Runs {@code file} on the cluster into {@code onCluster} and on local[2] into {@code embedded}
     * (with {@code embeddedEnv} added to its environment); asserts both committed the same
     * {@code simulations} runs with bit-identical {@code columns}.
     */
    private Compared runOnClusterAndEmbedded(Path file, Path onCluster, Path embedded, int simulations,
                                             List<String> columns, Map<String, String> embeddedEnv) throws Exception {
        Result cluster = sweep(file, onCluster, MASTER);
        assertEquals(0, cluster.code, cluster.output);
        Result local = sweep(file, embedded, "local[2]", embeddedEnv);
        assertEquals(0, local.code, local.output);
        Map<String, Row> a = runs(onCluster);
        Map<String, Row> b = runs(embedded);
        assertEquals(simulations, a.size());
        assertEquals(a.keySet(), b.keySet());
        for (String key : a.keySet()) {
            for (String col : columns) {
                assertEquals((double) a.get(key).getAs(col), (double) b.get(key).getAs(col), 0.0, col + " " + key);
            }
        }
        return new Compared(a, cluster.output, local.output);
    }

    @Test
    void networksStoredOnTheClusterAreDisturbedThereAsInAnEmbeddedRun(@TempDir Path dir) throws Exception {
        Path trainFile = dir.resolve("train.conf");
        Files.writeString(trainFile, SWEEP + "store-networks = true\n");
        Result trained = sweep(trainFile, dir.resolve("trained"), MASTER);
        assertEquals(0, trained.code, trained.output);
        assertEquals(12, spark.read().parquet(dir.resolve("trained/networks").toString()).count());

        Path disturbFile = dir.resolve("disturb.conf");
        Files.writeString(disturbFile, "name = disturbed\nfrom-networks { output = \"" + dir.resolve("trained") + "\" }\n"
                + "base { noise.membrane.phase = replay }\n"
                + "axes = [ { path = noise.membrane.dendrite-sigma, values = [0.0, 2.0] } ]\n");
        Map<String, Row> a = runOnClusterAndEmbedded(disturbFile, dir.resolve("on-cluster"), dir.resolve("embedded"),
                24, List.of("final_sumcorr", "replay_mean_sumcorr", "replay_min_sumcorr", "replay_mean_mse"), Map.of())
                .runs();
        a.forEach((key, r) -> assertEquals("OK", r.getAs("status"), key));
        // the noise-free continuation (its point id differs: noise.membrane.phase is set) reproduces the
        // training sweep's own replay, matched by lambda and replicate
        Map<String, Double> original = new HashMap<>();
        runs(dir.resolve("trained")).values().forEach(r -> original.put(r.getAs("model_lambda") + "/"
                + r.getAs("replicate"), r.getAs("replay_mean_sumcorr")));
        long same = a.values().stream().filter(r -> (double) r.getAs("noise_membrane_dendrite_sigma") == 0.0)
                .filter(r -> ((Double) r.getAs("replay_mean_sumcorr")).equals(
                        original.get(r.getAs("model_lambda") + "/" + r.getAs("replicate"))))
                .count();
        assertEquals(12, same);
    }

    @Test
    void aMalformedSweepFileFailsOnTheDriverWithTheEmbeddedMessage(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.conf");
        Files.writeString(file, "name = bad\nreplicas = 2\naxes = [ { path = model.n-lat, values = [0] } ]\n");
        Result cluster = sweep(file, dir.resolve("c"), MASTER);
        Result local = sweep(file, dir.resolve("l"), "local[1]");
        assertEquals(2, cluster.code, cluster.output);
        assertEquals(2, local.code, local.output);
        List<String> problems = problemLines(local.output);
        assertEquals(2, problems.size(), local.output);
        assertTrue(problemLines(cluster.output).containsAll(problems), cluster.output);
        assertTrue(problems.get(0).contains("replicas: unknown key; did you mean 'replicates'?"), local.output);
        assertTrue(!Files.exists(dir.resolve("c").resolve("runs")), "nothing may run");
    }

    private static List<String> problemLines(String output) {
        return output.lines().filter(l -> l.startsWith("  ") && l.contains(": ")).toList();
    }

    @Test
    void killingAWorkerMidSweepStillCommitsEverySimulationExactlyOnce(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cluster.conf");
        Files.writeString(file, SWEEP.replace("training.cycles = 60", "training.cycles = 300")
                .replace("name = cluster", "name = kill-worker"));
        Path out = dir.resolve("out");
        Path runsDir = out.resolve("runs").resolve("sweep=kill-worker");
        Process driver = startDriverUntilCommitted(file, out, runsDir, 2, dir.resolve("driver.log"));
        assertTrue(driver.isAlive(), "finished before a worker could be killed: "
                + Files.readString(dir.resolve("driver.log")));
        // SIGKILL worker 2 and its executor
        long worker = Long.parseLong(Files.readString(clusterDir.resolve("worker-2.pid")).trim());
        ProcessHandle.of(worker).ifPresent(h -> {
            h.descendants().forEach(ProcessHandle::destroyForcibly);
            h.destroyForcibly();
        });
        assertTrue(driver.waitFor(300, TimeUnit.SECONDS), "the sweep did not finish after the worker died");
        assertEquals(0, driver.exitValue(), Files.readString(dir.resolve("driver.log")));
        assertEquals(12, spark.read().parquet(runsDir.toString()).count());
        assertEquals(12, spark.read().parquet(runsDir.toString()).select("point_id", "replicate").distinct().count());
        assertEquals(12 * 4, spark.read().parquet(out.resolve("robustness").toString()).count());
        // bring the worker back for the other tests
        restartWorker2();
    }

    private void restartWorker2() throws Exception {
        run(List.of("jobs/local-cluster.sh", "stop"), 60);
        Result r = run(List.of("jobs/local-cluster.sh", "start", "2", "1"), 180);
        assertEquals(0, r.code, r.output);
    }

    @Test
    void speculativeCopiesOfASlowTaskNeverDuplicateARow(@TempDir Path dir) throws Exception {
        // one deliberately slow simulation among quick ones: while one worker runs it, the other
        // works through the quick ones, then speculation starts a second attempt of the slow task
        // there (never on the same host), and both attempts commit the same files
        Path file = dir.resolve("spec.conf");
        Files.writeString(file, """
                name = speculation
                replicates = 1
                base { replay.cycles = 8, model.n-lat = 10 }
                axes = [ { path = training.cycles, values = [6000, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32] } ]
                execution { task-seconds = 0.01 }
                """);
        Path events = Files.createDirectories(dir.resolve("events"));
        Path out = dir.resolve("out");
        Result r = run(List.of("jobs/sweep.sh", file.toString(), "--out", out.toString(), "--master", MASTER,
                "--no-progress", "--conf", "spark.speculation=true", "--conf", "spark.speculation.multiplier=1.5",
                "--conf", "spark.speculation.quantile=0.5", "--conf", "spark.speculation.minTaskRuntime=200ms",
                "--conf", "spark.speculation.interval=50ms", "--conf", "spark.eventLog.enabled=true", "--conf", "spark.eventLog.compress=false",
                "--conf", "spark.eventLog.dir=" + events.toUri()), 300);
        assertEquals(0, r.code, r.output);
        StringBuilder log = new StringBuilder();
        try (Stream<Path> s = Files.walk(events)) {   // a plain or a rolling (directory) event log
            for (Path f : s.filter(f -> Files.isRegularFile(f) && !f.getFileName().toString().startsWith("."))
                    .toList()) {
                log.append(Files.readString(f, StandardCharsets.ISO_8859_1));
            }
        }
        assertTrue(log.toString().contains("\"Speculative\":true"), "no speculative attempt was launched");
        Path runsDir = out.resolve("runs").resolve("sweep=speculation");
        assertEquals(14, spark.read().parquet(runsDir.toString()).count());
        assertEquals(14, spark.read().parquet(runsDir.toString()).select("point_id", "replicate").distinct().count());
        assertEquals(14 * 4, spark.read().parquet(out.resolve("robustness").toString()).count());
    }

    @Test
    void aKilledDriverIsResubmittedWithoutRecomputingCommittedWork(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("driver.conf");
        Files.writeString(file, SWEEP.replace("name = cluster", "name = kill-driver")
                .replace("training.cycles = 60", "training.cycles = 400"));
        Path out = dir.resolve("out");
        Path runsDir = out.resolve("runs").resolve("sweep=kill-driver");
        Process driver = startDriverUntilCommitted(file, out, runsDir, 3, dir.resolve("driver.log"));
        assertTrue(driver.isAlive(), "finished before it could be killed: " + Files.readString(dir.resolve("driver.log")));
        driver.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        driver.destroyForcibly().waitFor();   // SIGKILL the driver JVM: its executors are released by the master
        // an executor may still finish the task it had when its driver died: let the master end them
        Thread.sleep(5_000);
        Map<Path, java.nio.file.attribute.FileTime> committed = new HashMap<>();
        try (Stream<Path> s = Files.list(runsDir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                committed.put(p, Files.getLastModifiedTime(p));
            }
        }
        assertTrue(committed.size() >= 3 && committed.size() < 12, "committed before the kill: " + committed.size());

        // a cluster driver's lease is taken over only once stale (its executors could still commit): wait for it
        Result again = run(List.of("jobs/sweep.sh", file.toString(), "--out", out.toString(), "--master", MASTER,
                "--no-progress", "--wait", "--lease-stale-after", "6"), 300);
        assertEquals(0, again.code, again.output);
        assertTrue(again.output.contains("warning: taking over the stale lease of sweep 'kill-driver'")
                && again.output.contains("last heartbeat"), again.output);
        // one simulation per task here (task-seconds is tiny), so committed files = committed simulations
        assertTrue(again.output.contains("(" + (12 - committed.size()) + " computed now, " + committed.size()
                + " already done)"), again.output);
        assertEquals(12, spark.read().parquet(runsDir.toString()).count());
        assertEquals(12, spark.read().parquet(runsDir.toString()).select("point_id", "replicate").distinct().count());
        assertEquals(12 * 4, spark.read().parquet(out.resolve("robustness").toString()).count());
        for (Map.Entry<Path, java.nio.file.attribute.FileTime> e : committed.entrySet()) {
            assertEquals(e.getValue(), Files.getLastModifiedTime(e.getKey()), "recomputed: " + e.getKey());
        }
    }

    /** Submits the sweep in the background and returns once {@code files} batches are committed (or it ended). */
    private Process startDriverUntilCommitted(Path file, Path out, Path runsDir, int files, Path log) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("jobs/sweep.sh", file.toString(), "--out", out.toString(), "--master",
                MASTER, "--no-progress").directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("ELISE_CLUSTER_DIR", clusterDir.toString());
        Process driver = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (count(runsDir) < files && driver.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return driver;
    }

    private static long count(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("part-")).count();
        }
    }
}
