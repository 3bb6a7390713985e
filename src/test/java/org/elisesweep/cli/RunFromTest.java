package org.elisesweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.elisesweep.spark.SharedSpark;
import org.elisesweep.spark.SweepJob;
import org.elisesweep.spark.TableFixtures;
import org.elisesweep.sweep.SweepFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code elise run --from}: one committed simulation rerun from its row, and checked against it. */
class RunFromTest {
    private static final String SWEEP = """
            name = from
            seed = 4
            replicates = 2
            base { training.cycles = 40, replay.cycles = 8, model.n-lat = 8 }
            axes = [ { path = model.lambda, values = [0.5, 0.6] } ]
            """;

    private final SparkSession spark = SharedSpark.get();

    @TempDir
    Path dir;

    /** Exit status and what the command printed (it prints its summary on standard output). */
    private record Outcome(int status, String out, String err) {
    }

    private Outcome elise(String... args) {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            CommandLine cmd = EliseCommand.commandLine(dir.resolve("elise.log"));
            cmd.setErr(new PrintWriter(err, true));
            int status = cmd.execute(args);
            return new Outcome(status, captured.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(stdout);
        }
    }

    @Test
    void aCommittedSimulationIsReproducedBitForBitAndADifferentRowIsCaughtFigureByFigure() throws Exception {
        Path out = dir.resolve("out");
        SweepJob.run(spark, SweepFile.parse(ConfigFactory.parseString(SWEEP), "test", dir),
                new SweepJob.Options(out.toString(), false, false, 2));
        Row row = spark.read().parquet(out.resolve("runs").toString()).where("replicate = 1").orderBy("point_id")
                .select("point_id", "final_mse").first();
        String point = row.getString(0);

        Outcome same = elise("run", "--from", out.toString(), "--point", point, "--replicate", "1", "--out",
                dir.resolve("rerun").toString(), "--no-progress");
        assertEquals(ExitStatus.OK, same.status(), same.out() + same.err());
        assertTrue(same.out().contains("reproduced: all 21 figures of the committed row (sweep from, point " + point
                + ", replicate 1) are identical"), same.out());
        assertTrue(Files.exists(dir.resolve("rerun").resolve("metrics.json")));

        // the same output with that row's final MSE one ulp away: the rerun names exactly that figure
        Path tampered = dir.resolve("tampered");
        Path partition = Files.createDirectories(tampered.resolve("runs").resolve("sweep=from"));
        TableFixtures.writeAsCommittedFile(spark.read().parquet(out.resolve("runs").resolve("sweep=from").toString())
                .withColumn("final_mse", functions.when(functions.col("point_id").equalTo(point)
                        .and(functions.col("replicate").equalTo(1)), functions.col("final_mse").plus(Math.ulp(row.getDouble(1))))
                        .otherwise(functions.col("final_mse"))), partition.resolve("part-00000000000000000000.parquet"));
        Outcome differs = elise("run", "--from", tampered.toString(), "--point", point, "--replicate", "1", "--out",
                dir.resolve("rerun2").toString(), "--no-progress");
        assertEquals(ExitStatus.STOPPED, differs.status(), differs.out() + differs.err());
        List<String> lines = differs.out().lines().toList();
        int at = lines.indexOf(lines.stream().filter(l -> l.startsWith("NOT reproduced")).findFirst().orElseThrow());
        assertEquals("NOT reproduced (sweep from, point " + point + ", replicate 1): 1 of 21 figures differ", lines.get(at));
        assertTrue(lines.get(at + 1).startsWith("  final_mse: committed "), lines.get(at + 1));
    }

    @Test
    void badUsesOfFromAreOneLineErrors() throws Exception {
        assertEquals(ExitStatus.INVALID, elise("run", "--from", dir.toString(), "--out", dir.resolve("x").toString())
                .status());
        Outcome notOutput = elise("run", "--from", dir.toString(), "--point", "abc", "--out", dir.resolve("x").toString());
        assertEquals(ExitStatus.INVALID, notOutput.status());
        assertEquals(1, notOutput.err().lines().count(), notOutput.err());
        assertTrue(notOutput.err().startsWith("error: " + dir + " is not a sweep's output directory"), notOutput.err());
        Outcome mixed = elise("run", "--from", dir.toString(), "--point", "abc", "--seed", "3", "--out",
                dir.resolve("x").toString());
        assertEquals("error: --from reruns a committed simulation as it was: no --set, --config or --seed",
                mixed.err().strip());
    }
}
