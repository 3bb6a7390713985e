package org.elisesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real driver JVMs on one output: one writes, the other refuses, waits, or takes over a dead one's lease. */
class TwoDriversTest {
    /** 16 simulations, one task each on one core: long enough for a second driver to meet the first. */
    static final String SWEEP = """
            name = two
            seed = 3
            replicates = 4
            base { training.cycles = 120, replay.cycles = 8, model.n-lat = 10 }
            axes = [ { path = model.lambda, values = [0.5, 0.55, 0.6, 0.65] } ]
            execution { task-seconds = 0.01 }
            """;
    static final Duration LIMIT = Duration.ofMinutes(3);

    private final SparkSession spark = SharedSpark.get();

    @TempDir
    Path dir;

    private DriverProcess driver(String name, String... extra) throws Exception {
        Path file = dir.resolve("two.conf");
        if (!Files.exists(file)) {
            Files.writeString(file, SWEEP);
        }
        List<String> args = new java.util.ArrayList<>(List.of("sweep", file.toString(), "--out",
                dir.resolve("out").toString(), "--master", "local[1]", "--no-progress", "--no-report",
                "--conf", "spark.ui.enabled=false"));
        args.addAll(List.of(extra));
        return DriverProcess.start(dir.resolve(name + ".log"), DriverProcess.CONSOLE_AS_USERS_SEE_IT,
                args.toArray(String[]::new));
    }

    private long committedFiles() throws Exception {
        Path runs = dir.resolve("out").resolve("runs").resolve("sweep=two");
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(runs)) {
            return s.filter(p -> p.getFileName().toString().startsWith("part-")).count();
        }
    }

    private void awaitCommits(DriverProcess d, long n) throws Exception {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (committedFiles() < n && d.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(d.isAlive() && committedFiles() >= n, "the first driver ended before it could be met:\n" + d.output());
    }

    /** Exactly the planned rows: 16 simulations once each, 4 robustness rows each, no orphan detail rows. */
    private void assertExactlyThePlannedRows() {
        String out = dir.resolve("out").toString();
        assertEquals(16, spark.read().parquet(out + "/runs").count());
        assertEquals(16, spark.read().parquet(out + "/runs").select("point_id", "replicate").distinct().count());
        assertEquals(16 * 4, spark.read().parquet(out + "/robustness").count());
        assertEquals(16 * 4, spark.read().parquet(out + "/robustness").select("point_id", "replicate", "scenario")
                .distinct().count());
        assertFalse(Files.exists(dir.resolve("out").resolve("_leases").resolve("sweep=two.lease")), "lease released");
    }

    @Test
    void twoDriversStartedTogetherOneWritesTheOtherRefusesInOneLine() throws Exception {
        try (DriverProcess a = driver("a"); DriverProcess b = driver("b")) {
            int sa = a.waitFor(LIMIT);
            int sb = b.waitFor(LIMIT);
            DriverProcess refused = sa == 2 ? a : b;
            assertEquals(List.of(0, 2), sa == 2 ? List.of(sb, sa) : List.of(sa, sb), a.output() + "\n" + b.output());
            List<String> lines = refused.output().lines().toList();
            assertEquals(1, lines.size(), refused.output());
            assertTrue(lines.get(0).matches("error: sweep 'two' in .* is being written by another driver \\(host .+, "
                    + "pid \\d+, Spark application local-\\d+, started .+; heartbeat \\d+ s ago\\): wait for it with "
                    + "--wait, or use another --out"), lines.get(0));
        }
        assertExactlyThePlannedRows();
    }

    @Test
    void aSecondDriverWithWaitWaitsThenComputesNothing() throws Exception {
        try (DriverProcess a = driver("a")) {
            awaitCommits(a, 2);
            try (DriverProcess b = driver("b", "--wait")) {
                assertEquals(0, a.waitFor(LIMIT), a.output());
                assertEquals(0, b.waitFor(LIMIT), b.output());
                assertTrue(b.output().contains("waiting for the lease of sweep 'two' held by host "), b.output());
                assertTrue(b.output().contains("16 of 16 simulations committed (0 computed now, 16 already done)"),
                        b.output());
            }
        }
        assertExactlyThePlannedRows();
    }

    @Test
    void theLeaseOfAKilledDriverIsTakenOverAndTheSweepCompletesExactly() throws Exception {
        try (DriverProcess a = driver("a")) {
            awaitCommits(a, 2);
            a.kill();   // SIGKILL: its lease stays behind
        }
        assertTrue(Files.exists(dir.resolve("out").resolve("_leases").resolve("sweep=two.lease")));
        try (DriverProcess b = driver("b")) {
            assertEquals(0, b.waitFor(LIMIT), b.output());
            assertTrue(b.output().contains("warning: taking over the stale lease of sweep 'two'"), b.output());
            assertTrue(b.output().matches("(?s).*16 of 16 simulations committed \\(\\d+ computed now, \\d+ already done\\).*"),
                    b.output());
        }
        assertExactlyThePlannedRows();
    }
}
