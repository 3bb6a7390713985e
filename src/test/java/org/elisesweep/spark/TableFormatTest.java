package org.elisesweep.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.elisesweep.sweep.ParameterCatalog;
import org.elisesweep.sweep.SweepPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Table format 2 as Spark SQL reads it: timestamps, the scenario list, per-neuron Σcorr columns,
 * units in the field metadata, the build's commit; and outputs of format 1 refused, untouched.
 */
class TableFormatTest {
    private final SparkSession spark = SharedSpark.get();

    private Dataset<Row> table(Path out, String name) {
        return spark.read().parquet(out.resolve(name).toString());
    }

    @Test
    void columnsReadWithTheirTypesUnitsAndPerNeuronFigures(@TempDir Path out) throws Exception {
        SweepPlan plan = SweepJobTest.plan(SweepJobTest.SWEEP);
        Instant before = Instant.now();
        SweepJob.run(spark, plan, new SweepJob.Options(out.toString(), false, false, 2));
        Instant after = Instant.now();
        Dataset<Row> runs = table(out, "runs");
        StructType schema = runs.schema();

        assertEquals(DataTypes.TimestampType, schema.apply("started_at").dataType());
        assertEquals(DataTypes.TimestampType, schema.apply("ended_at").dataType());
        for (Row r : runs.select("started_at", "ended_at").collectAsList()) {
            Instant started = r.getTimestamp(0).toInstant();
            Instant ended = r.getTimestamp(1).toInstant();
            assertFalse(started.isAfter(ended), started + " after " + ended);
            assertFalse(started.isBefore(before.minusMillis(1)) || ended.isAfter(after.plusMillis(1)),
                    started + ".." + ended + " outside the sweep's " + before + ".." + after);
        }

        // (Spark reads every column and element as nullable, whatever the file says)
        assertEquals(DataTypes.StringType, ((ArrayType) schema.apply("replay_scenarios").dataType()).elementType());
        List<String> defaults = org.elisesweep.sweep.ParameterType.elements(
                (String) ParameterCatalog.INSTANCE.get("replay.scenarios").defaultValue());
        assertEquals(List.of("silence-cycle", "tonic-cycle", "silence-window", "tonic-window"), defaults);
        for (Row r : runs.select("replay_scenarios").collectAsList()) {
            assertEquals(defaults, r.getList(0));
        }
        assertEquals(6, runs.where("array_contains(replay_scenarios, 'silence-cycle')").count());

        // every Σcorr column per neuron: the sum divided by the run's n_vis, exactly
        for (String c : List.of("final_sumcorr", "replay_mean_sumcorr", "replay_min_sumcorr", "replay_final_sumcorr")) {
            assertEquals(0, runs.where(c + "_per_neuron IS NULL OR " + c + "_per_neuron != " + c + " / n_vis").count(), c);
            assertTrue(runs.where(c + "_per_neuron < 0.99").count() > 0, c + " per neuron is not the sum");
        }
        runs.select("point_id", "replicate", "n_vis").createOrReplaceTempView("run_sizes");
        for (String[] t : new String[][] {{"curves", "sumcorr"}, {"replay", "sumcorr"}, {"robustness", "sumcorr_before"},
                {"robustness", "sumcorr_during"}, {"robustness", "sumcorr_after"}}) {
            Dataset<Row> d = table(out, t[0]);
            assertTrue(d.count() > 0, t[0]);
            d.createOrReplaceTempView("detail");
            assertEquals(0, spark.sql("SELECT * FROM detail JOIN run_sizes USING (point_id, replicate) WHERE "
                    + t[1] + "_per_neuron != " + t[1] + " / n_vis").count(), t[0] + "." + t[1]);
        }

        // units: the catalog's for parameters, the table's for figures, as Spark shows them
        assertEquals("s", schema.apply("wall_seconds").metadata().getString("unit"));
        assertEquals("µs", schema.apply("us_per_step").metadata().getString("unit"));
        assertEquals("ms", table(out, "replay").schema().apply("best_shift_ms").metadata().getString("unit"));
        String path = "noise.membrane.dendrite-sigma";
        assertEquals(ParameterCatalog.INSTANCE.unitOf(path),
                schema.apply(ParameterColumns.columnName(path)).metadata().getString("unit"));
        assertFalse(ParameterCatalog.INSTANCE.unitOf(path).isEmpty());
        assertFalse(schema.apply("final_sumcorr_per_neuron").metadata().contains("unit"));

        // the commit this code was built from (git-commit-id-maven-plugin), on every row
        String head = git("rev-parse", "HEAD");
        assertEquals(List.of(head), runs.select("code_version").distinct().as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList());
        assertEquals(1, runs.select("code_dirty").distinct().count());
    }

    @Test
    void anOutputOfTheOlderFormatIsRefusedAndLeftAsItWas(@TempDir Path out) throws Exception {
        SweepPlan plan = SweepJobTest.plan(SweepJobTest.SWEEP);
        SweepJob.run(spark, plan, new SweepJob.Options(out.toString(), false, false, 1));
        Path file;
        try (Stream<Path> files = Files.list(out.resolve("runs/sweep=e2e"))) {
            file = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        withoutFormatKey(file);
        byte[] old = Files.readAllBytes(file);

        SweepConflictException sweep = assertThrows(SweepConflictException.class,
                () -> SweepJob.run(spark, plan, new SweepJob.Options(out.toString(), false, true, 1)));
        assertTrue(sweep.getMessage().startsWith("runs/sweep=e2e/" + file.getFileName() + " in " + out
                + " has table format 1, this version writes format 2"), sweep.getMessage());
        assertTrue(sweep.getMessage().contains("recompute sweep 'e2e' into a new output directory"), sweep.getMessage());
        assertEquals(1, sweep.getMessage().lines().count());

        assertThrows(SweepConflictException.class, () -> TableVerifier.verify(new Configuration(), out.toString(), "e2e",
                new TableVerifier.Options(true, true)));
        assertThrows(SweepConflictException.class, () -> SweepTables.open(spark, out.toString(), "e2e"));
        assertArrayEquals(old, Files.readAllBytes(file), "the old file is not rewritten");
        assertFalse(Files.exists(out.resolve("_quarantine")), "nothing is quarantined");
    }

    /** Rewrites {@code file} as a version before table format 2 would have left it: no format key. */
    private static void withoutFormatKey(Path file) throws Exception {
        Path copy = file.resolveSibling("old.tmp");
        TableFixtures.copyRows(file, copy, Map.of());
        Files.move(copy, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(file.resolveSibling(".old.tmp.crc"));
        assertEquals(1, TableFormat.of(ParquetFiles.footer(new org.apache.hadoop.fs.Path(file.toUri()), new Configuration())));
    }

    private static String git(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertEquals(0, p.waitFor(), "git " + String.join(" ", args) + ": " + out);
        return out;
    }
}
