package org.elisesweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code elise sweep} on a file with a frontier section: validated first, dry-run estimates its first round. */
class FrontierCommandTest {
    static final String FILE = """
            name = cli-frontier
            base { training.cycles = 40, replay.cycles = 8 }
            axes = [ { path = model.n-lat, values = [6, 8] } ]
            frontier { path = noise.weights.delete-fraction, from = 0, to = 1, criterion = "final_mse < 1",
                       precision = 0.1, replicates = 2, probes = 3 }
            """;

    @TempDir
    Path dir;

    private int elise(StringWriter out, StringWriter err, String... args) {
        CommandLine cmd = EliseCommand.commandLine(dir.resolve("elise.log"));
        cmd.setErr(new PrintWriter(err, true));
        cmd.setOut(new PrintWriter(out, true));
        return cmd.execute(args);
    }

    @Test
    void aBadFrontierSectionIsInvalidInputNamingItsPath() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.conf"), FILE.replace("precision = 0.1", "precision = 2"));
        StringWriter err = new StringWriter();
        assertEquals(ExitStatus.INVALID, elise(new StringWriter(), err, "sweep", file.toString(), "--out",
                dir.resolve("out").toString()));
        assertTrue(err.toString().contains("frontier.precision: 2.0 is not smaller than the range"), err.toString());
        assertTrue(!Files.exists(dir.resolve("out")), "nothing written");
    }

    @Test
    void aDryRunEstimatesTheFirstRound() throws Exception {
        Path file = Files.writeString(dir.resolve("f.conf"), FILE);
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stdout = System.out;
        System.setOut(new java.io.PrintStream(captured, true));
        int status;
        try {
            status = elise(new StringWriter(), new StringWriter(), "sweep", file.toString(), "--dry-run");
        } finally {
            System.setOut(stdout);
        }
        assertEquals(ExitStatus.OK, status);
        // 2 configurations × 5 probes (both ends and 3 between) × 2 replicates
        assertTrue(captured.toString().contains("sweep cli-frontier: 10 points, 20 simulations"), captured.toString());
    }
}
