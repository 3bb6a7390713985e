package org.elisesweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.elisesweep.spark.DriverProcess;
import org.elisesweep.spark.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures met while Spark runs, in real driver JVMs with the console users see (conf/log4j2.properties):
 * Ctrl-C, a runtime SQL error, a full disk. Each ends with its exit status and one line.
 */
class DriverFailuresTest {
    static final Duration LIMIT = Duration.ofMinutes(3);

    private final SparkSession spark = SharedSpark.get();

    @TempDir
    Path dir;

    private DriverProcess elise(String name, String... args) throws Exception {
        return DriverProcess.start(dir.resolve(name + ".log"), DriverProcess.CONSOLE_AS_USERS_SEE_IT, args);
    }

    private String[] sweep(Path out) throws Exception {
        return DriverProcess.sweepOnOneCore(DriverProcess.smallSweep(dir, "ops", 2), out);   // 8 simulations
    }

    /** 24 simulations of a fraction of a second each: enough left after two commits for Ctrl-C to meet. */
    private String[] longerSweep(Path out) throws Exception {
        return DriverProcess.sweepOnOneCore(DriverProcess.smallSweep(dir, "ops", 6), out);
    }

    @Test
    void ctrlCStopsTheSweepSayingHowFarItGotAndTheSameCommandContinues() throws Exception {
        Path out = dir.resolve("out");
        try (DriverProcess d = elise("interrupted", longerSweep(out))) {
            d.awaitCommits(out, "ops", 2, LIMIT);
            d.interrupt();
            assertEquals(ExitStatus.INTERRUPTED, d.waitFor(LIMIT), d.output());
            List<String> lines = d.output().lines().toList();
            long rows = spark.read().parquet(out.resolve("runs").toString()).count();
            assertTrue(rows >= 2 && rows < 24, "committed " + rows);
            assertEquals("interrupted: " + rows + " of 24 committed; rerun the same command to continue",
                    lines.get(lines.size() - 1), d.output());
            assertFalse(d.output().contains("Exception"), d.output());
            assertFalse(Files.exists(out.resolve("_leases").resolve("sweep=ops.lease")), "lease released");
        }
        try (DriverProcess again = elise("continued", longerSweep(out))) {
            assertEquals(ExitStatus.OK, again.waitFor(LIMIT), again.output());
        }
        assertEquals(24, spark.read().parquet(out.resolve("runs").toString()).select("point_id", "replicate")
                .distinct().count());
        assertEquals(24, spark.read().parquet(out.resolve("runs").toString()).count());

        // a query that fails while it runs (ANSI division by zero) is the user's: exit 2, one line
        try (DriverProcess q = elise("query", "query", out.toString(), "SELECT 1 / (replicate - replicate) FROM runs")) {
            assertEquals(ExitStatus.INVALID, q.waitFor(LIMIT), q.output());
            List<String> lines = q.output().lines().toList();
            assertEquals(1, lines.size(), q.output());
            assertTrue(lines.get(0).startsWith("error: the query failed: [DIVIDE_BY_ZERO]"), lines.get(0));
        }
    }

    @Test
    void aFullDiskIsAnInfrastructureFailureInOneLineAndLosesNothing() throws Exception {
        Path disk = Files.createDirectory(dir.resolve("small-disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk.toString())
                .redirectErrorStream(true).start();
        assumeTrue(mount.waitFor() == 0, "cannot mount a small tmpfs here: " + new String(mount.getInputStream().readAllBytes()));
        try {
            // leave a few pages: enough for the lease, not for the tables
            Path filler = disk.resolve("filler");
            long free = Files.getFileStore(disk).getUsableSpace();
            Files.write(filler, new byte[(int) (free - 12 * 1024)]);
            Path out = disk.resolve("out");
            try (DriverProcess d = elise("full", sweep(out))) {
                assertEquals(ExitStatus.INFRASTRUCTURE, d.waitFor(LIMIT), d.output());
                List<String> lines = d.output().lines().toList();
                assertEquals(1, lines.size(), d.output());
                assertTrue(lines.get(0).startsWith("error: the disk is full"), lines.get(0));
                assertTrue(lines.get(0).contains("rerun the same command to continue"), lines.get(0));
                assertTrue(lines.get(0).matches(".*\\(full trace: .+\\.log\\)"), lines.get(0));
            }
            Files.delete(filler);
            try (DriverProcess again = elise("after", sweep(out))) {
                assertEquals(ExitStatus.OK, again.waitFor(LIMIT), again.output());
            }
            assertEquals(8, spark.read().parquet(out.resolve("runs").toString()).count());
        } finally {
            new ProcessBuilder("umount", "-l", disk.toString()).start().waitFor();
        }
    }
}
