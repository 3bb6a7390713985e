package org.elisesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real driver JVMs on one output: one writes, the other refuses, waits, or takes over a dead one's lease. */
class TwoDriversTest {
    static final Duration LIMIT = Duration.ofMinutes(3);

    private final SparkSession spark = SharedSpark.get();

    @TempDir
    Path dir;

    private DriverProcess driver(String name, String... extra) throws Exception {
        Path file = dir.resolve("two.conf");
        if (!Files.exists(file)) {
            DriverProcess.smallSweep(dir, "two", 4);   // 16 simulations
        }
        return DriverProcess.start(dir.resolve(name + ".log"), DriverProcess.CONSOLE_AS_USERS_SEE_IT,
                DriverProcess.sweepOnOneCore(file, dir.resolve("out"), extra));
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
            a.awaitCommits(dir.resolve("out"), "two", 2, LIMIT);
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
            a.awaitCommits(dir.resolve("out"), "two", 2, LIMIT);
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
