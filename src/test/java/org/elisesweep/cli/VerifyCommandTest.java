package org.elisesweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.elisesweep.report.SweepReport;
import org.elisesweep.spark.DriverProcess;
import org.elisesweep.spark.SharedSpark;
import org.elisesweep.spark.SweepJob;
import org.elisesweep.sweep.SweepFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code elise verify} and a damaged file met by {@code sweep} and {@code report}, through their command lines. */
class VerifyCommandTest {
    private static final String SWEEP = """
            name = cli
            seed = 2
            replicates = 2
            base { training.cycles = 40, replay.cycles = 8, model.n-lat = 8 }
            """;

    /** Exit status, standard output and standard error of one {@code elise} command line, in this JVM. */
    private record Outcome(int status, List<String> out, List<String> err) {
    }

    private static Outcome elise(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = EliseCommand.commandLine(Path.of(System.getProperty("java.io.tmpdir"), "elise-verify-test.log"));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int status = cmd.execute(args);
        return new Outcome(status, out.toString().lines().toList(), err.toString().lines().toList());
    }

    @Test
    void verifyExitsZeroWhenCleanFourWhenDamagedAndTheSweepAndReportRefuseInOneLine(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("cli.conf");
        Files.writeString(file, SWEEP);
        Path out = dir.resolve("out");
        SweepJob.run(SharedSpark.get(), SweepFile.load(file), new SweepJob.Options(out.toString(), false, false, 2));

        Outcome clean = elise("verify", out.toString());
        assertEquals(0, clean.status(), clean.toString());
        assertEquals(List.of("sweep cli in " + out + ": 8 files, 2 simulations: clean"), clean.out());

        // a truncated runs file: named on the first line, exit 4
        Path runs;
        try (Stream<Path> s = Files.list(out.resolve("runs").resolve("sweep=cli"))) {
            runs = s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().findFirst().orElseThrow();
        }
        try (RandomAccessFile f = new RandomAccessFile(runs.toFile(), "rw")) {
            f.setLength(f.length() - 20);
        }
        String relative = "runs/sweep=cli/" + runs.getFileName();
        Outcome damaged = elise("verify", out.toString(), "--sweep", "cli");
        assertEquals(4, damaged.status(), damaged.toString());
        assertTrue(damaged.out().get(0).startsWith(relative + ": damaged ("), damaged.out().get(0));
        assertTrue(damaged.out().get(damaged.out().size() - 1).startsWith("sweep cli in " + out + ": 8 files, "
                + "1 simulations: 1 problems affecting 1 simulations; `elise verify " + out + " --sweep cli --repair`"),
                damaged.toString());

        // a sweep run meets it: one line naming the file and the repair command, exit 2
        List<String> lines;
        try (DriverProcess sweep = DriverProcess.start(dir.resolve("sweep.log"), DriverProcess.CONSOLE_AS_USERS_SEE_IT,
                DriverProcess.sweepOnOneCore(file, out))) {
            assertEquals(2, sweep.waitFor(java.time.Duration.ofMinutes(2)), sweep.output());
            lines = sweep.output().lines().toList();
        }
        assertEquals(1, lines.size(), String.join("\n", lines));
        List<String> errors = lines.stream().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(1, errors.size(), String.join("\n", lines));
        assertTrue(errors.get(0).startsWith("error: damaged tables of sweep 'cli': " + relative + ": "), errors.get(0));
        assertTrue(errors.get(0).endsWith("run `elise verify " + out + " --sweep cli --repair`, then rerun the sweep"));
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("\tat ")), String.join("\n", lines));

        // so does the report (query and report open the tables alike)
        StringWriter reportErr = new StringWriter();
        int report = ReportCommand.write(SharedSpark.get(), new SweepReport.Options(out.toString(), "cli",
                dir.resolve("report"), false, false), new PrintWriter(new StringWriter()), new PrintWriter(reportErr, true));
        assertEquals(2, report);
        assertEquals(1, reportErr.toString().lines().count(), reportErr.toString());
        assertTrue(reportErr.toString().startsWith("error: damaged tables of sweep 'cli': " + relative));

        // repair, then verify is clean
        Outcome repaired = elise("verify", out.toString(), "--repair");
        assertEquals(0, repaired.status(), repaired.toString());
        String last = repaired.out().get(repaired.out().size() - 1);
        assertTrue(last.startsWith("repaired: moved 4 files to ") && last.endsWith("; rerun the sweep to recompute 1 "
                + "simulations"), repaired.toString());
        Outcome after = elise("verify", out.toString());
        assertEquals(0, after.status(), after.toString());
        assertEquals(List.of("sweep cli in " + out + ": 4 files, 1 simulations: clean"), after.out());
    }

    @Test
    void aDirectoryThatIsNotASweepOutputExitsTwo(@TempDir Path dir) {
        Outcome o = elise("verify", dir.toString());
        assertEquals(2, o.status());
        assertEquals(1, o.err().size(), o.toString());
        assertTrue(o.err().get(0).startsWith("error: " + dir + " is not a sweep's output directory"), o.toString());
        assertEquals(List.of(), o.out());
    }
}
