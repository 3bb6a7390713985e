package org.elisesweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.elisesweep.spark.DriverProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `elise sweep` on a sweep file with an oversized count: refused at once, before Spark or any allocation. */
class SweepCommandLimitsTest {
    @Test
    void aBillionPointAxisIsRefusedWithExitStatusTwoWithinSeconds(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("huge.conf");
        Files.writeString(file, """
                name = huge
                axes = [ { path = model.lambda, linear { from = 0.1, to = 0.9, count = 1000000000 } } ]
                """);
        // the driver's default heap could not hold a billion values: built first, they would end in an
        // OutOfMemoryError (exit 1) or a long hang, which waitFor's bound turns into a failure
        try (DriverProcess driver = DriverProcess.start(dir.resolve("driver.log"), "sweep", file.toString(),
                "--out", dir.resolve("out").toString())) {
            assertEquals(2, driver.waitFor(Duration.ofSeconds(5)), driver.output());
            assertEquals(List.of(file + ": 1 problem",
                    "  axes[0].linear.count: 1000000000 points is more than the 1000000 a sweep file may have;"
                            + " split it into several sweeps"), driver.output().lines().toList());
        }
        assertEquals(false, Files.exists(dir.resolve("out")), "nothing is written for a refused sweep");
    }
}
