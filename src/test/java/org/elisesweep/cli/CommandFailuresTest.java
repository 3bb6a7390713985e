package org.elisesweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Operational failures that are found before Spark starts, through each command's argv: the exit
 * status of the README's table and exactly one line that names the cause; the trace only in the log.
 */
class CommandFailuresTest {
    static final String SWEEP = """
            name = cli
            replicates = 1
            base { training.cycles = 40, replay.cycles = 8, model.n-lat = 8 }
            """;

    @TempDir
    Path dir;

    /** What one command printed and returned. */
    record Outcome(int status, List<String> err, String out) {
        String line() {
            return err.isEmpty() ? "" : err.get(0);
        }
    }

    Outcome elise(String... args) {
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        CommandLine cmd = EliseCommand.commandLine(dir.resolve("elise.log"));
        cmd.setErr(new PrintWriter(err, true));
        cmd.setOut(new PrintWriter(out, true));
        int status = cmd.execute(args);
        return new Outcome(status, err.toString().lines().toList(), out.toString());
    }

    private String sweepFile() throws Exception {
        Path f = dir.resolve("cli.conf");
        Files.writeString(f, SWEEP);
        return f.toString();
    }

    private static void assertOneLine(Outcome o, int status, String... fragments) {
        assertEquals(status, o.status(), String.join("\n", o.err()));
        assertEquals(1, o.err().size(), "one line: " + String.join("\n", o.err()));
        for (String f : fragments) {
            assertTrue(o.line().contains(f), "'" + f + "' in: " + o.line());
        }
        assertFalse(o.line().contains("\tat "), o.line());
    }

    @Test
    void anOutputThatIsAFileIsInvalidInput() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        assertOneLine(elise("sweep", sweepFile(), "--out", file.toString()), ExitStatus.INVALID,
                "error: --out " + file + " is a file, not a directory");
    }

    @Test
    void anEmptyOutputIsInvalidInput() throws Exception {
        assertOneLine(elise("sweep", sweepFile(), "--out", ""), ExitStatus.INVALID, "error: --out is empty");
    }

    @Test
    void aFileSystemWithoutItsConnectorIsAnInfrastructureFailureNamingTheLog() throws Exception {
        Outcome o = elise("sweep", sweepFile(), "--out", "s3a://bucket/out");
        assertOneLine(o, ExitStatus.INFRASTRUCTURE, "s3a", "connector is not on the class path",
                "full trace: " + dir.resolve("elise.log"));
        assertTrue(Files.readString(dir.resolve("elise.log")).contains("\tat org.apache.hadoop.fs.FileSystem"));
    }

    @Test
    void anUnreachableHdfsIsAnInfrastructureFailure() throws Exception {
        assertOneLine(elise("sweep", sweepFile(), "--out", "hdfs://127.0.0.1:1/out"), ExitStatus.INFRASTRUCTURE,
                "error: cannot connect", "check that the server runs");
    }

    @Test
    void aReadOnlyOutputIsAnInfrastructureFailure() throws Exception {
        // root writes through permission bits, not through the immutable attribute
        Path ro = Files.createDirectory(dir.resolve("read-only"));
        Process chattr = new ProcessBuilder("chattr", "+i", ro.toString()).redirectErrorStream(true).start();
        assumeTrue(chattr.waitFor() == 0, "chattr +i is not available here: "
                + new String(chattr.getInputStream().readAllBytes()));
        try {
            assertOneLine(elise("sweep", sweepFile(), "--out", ro.toString()), ExitStatus.INFRASTRUCTURE,
                    "error: cannot write", "choose a writable --out");
        } finally {
            new ProcessBuilder("chattr", "-i", ro.toString()).start().waitFor();
        }
    }

    @Test
    void aMalformedMasterIsInvalidInput() throws Exception {
        assertOneLine(elise("sweep", sweepFile(), "--out", dir.resolve("out").toString(), "--master", "sprak:/host"),
                ExitStatus.INVALID, "error: --master sprak:/host is not a Spark master URL");
    }

    @Test
    void aMalformedConfigFileOfRunIsInvalidInput() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.conf"), "model { n-lat = 5\n");
        assertOneLine(elise("run", "--config", bad.toString(), "--out", dir.resolve("run").toString()),
                ExitStatus.INVALID, "error: --config", "bad.conf");
    }

    @Test
    void anUnknownOptionSaysWhereTheOptionsAreInsteadOfPrintingTheUsage() throws Exception {
        assertOneLine(elise("sweep", sweepFile(), "--outt", "x"), ExitStatus.INVALID, "--outt",
                "(see `elise sweep --help`)");
    }

    @Test
    void invalidSweepFilesStillListEveryProblem() throws Exception {
        Path f = Files.writeString(dir.resolve("bad-sweep.conf"), "name = x\nbase { model.n-lat = -3, model.lamda = 1 }\n");
        Outcome o = elise("sweep", f.toString());
        assertEquals(ExitStatus.INVALID, o.status());
        assertTrue(o.line().startsWith(f + ": 2 problems"), o.line());
        assertEquals(3, o.err().size(), String.join("\n", o.err()));
    }
}
