package org.elisesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.elisesweep.model.Status;
import org.elisesweep.sweep.SensitivityRole;
import org.elisesweep.sweep.SweepPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real sensitivity sweep on embedded Spark: the driver writes the sensitivity table, failures are counted. */
class SensitivitySweepTest {
    /**
     * Sobol over λ and the dendritic conductance on a tiny network; g-den far above its default
     * (above about 6 here) makes the simulation run away (as dt does in SweepSafetyTest), so some
     * simulations diverge and break their Saltelli rows.
     */
    static final String SWEEP = """
            name = sens
            seed = 3
            base { training.cycles = 40, replay.cycles = 8, model.n-lat = 8 }
            sensitivity {
              method = sobol
              n = 16
              ranges = [ { path = model.lambda, from = 0.4, to = 0.8 }, { path = model.g-den, from = 1, to = 6.5 } ]
              outputs = [final_mse, replay_mean_sumcorr]
              bootstrap = 200
            }
            execution { task-seconds = 0.5 }
            """;

    private final SparkSession spark = SharedSpark.get();

    @Test
    void theDriverWritesTheTableAndDropsTheRowsOfFailedSimulations(@TempDir Path out) throws Exception {
        SweepPlan plan = SweepJobTest.plan(SWEEP);
        SweepSummary summary = SweepJob.run(spark, plan, new SweepJob.Options(out.toString(), false, false, 0));
        assertEquals(16 * 4, summary.committed());
        long failed = summary.committed() - summary.total().get(Status.OK);
        assertTrue(failed > 0 && failed < 64, "the g-den range should make some but not all simulations fail: " + failed);

        // the rows a failure breaks, from the runs table's roles
        Dataset<Row> runs = spark.read().parquet(out.resolve("runs").toString());
        Set<Integer> broken = new TreeSet<>();
        for (Row r : runs.where("status <> 'OK' OR final_mse IS NULL").select("role").collectAsList()) {
            broken.add(SensitivityRole.parse(r.getString(0)).row());
        }
        assertEquals(64, runs.select("role").distinct().count(), "every run has its own role");

        Dataset<Row> table = spark.read().parquet(out.resolve("sensitivity").toString());
        assertEquals(2 * 2, table.count());
        List<Row> mse = table.where("output = 'final_mse'").orderBy("parameter").collectAsList();
        assertEquals(List.of("model.g-den", "model.lambda"), mse.stream().map(r -> r.<String>getAs("parameter")).toList());
        for (Row r : mse) {
            assertEquals("sobol", r.getAs("method"));
            assertEquals(16, (int) r.getAs("n"));
            assertEquals(broken.size(), (int) r.getAs("rows_dropped"));
            assertEquals(16 - broken.size(), (int) r.getAs("rows_used"));
            assertEquals("sens", r.getAs("sweep"));
            // fewer than 8 usable rows give no index at all
            assertEquals(16 - broken.size() >= 8, r.getAs("s1") != null, "rows used " + (16 - broken.size()));
            if (r.getAs("s1") != null) {
                assertTrue((double) r.getAs("s1_low") <= (double) r.getAs("s1_high"));
                assertTrue((double) r.getAs("st_low") <= (double) r.getAs("st_high"));
            }
        }

        // elise sensitivity analyses the same runs again: the same table, and it prints it
        StringWriter text = new StringWriter();
        org.elisesweep.spark.SensitivityTable.Analysis again = SensitivityTable.analyse(spark, out.toString(), null);
        text.write(again.render());
        assertTrue(text.toString().contains(broken.size() + " of 16 Saltelli rows dropped"), text.toString());
        assertTrue(text.toString().contains("sum of S1"), text.toString());
        // the table read back gives the analysis: indices, counts and the same warnings
        assertEquals(again.results(), SensitivityTable.read(spark, out.toString(), "sens").orElseThrow().results());
        List<Row> reread = spark.read().parquet(out.resolve("sensitivity").toString()).where("output = 'final_mse'")
                .orderBy("parameter").collectAsList();
        assertEquals(mse.stream().map(Row::toString).collect(Collectors.toList()),
                reread.stream().map(Row::toString).collect(Collectors.toList()));
    }

    @Test
    void everyAllowedOutputIsANumericColumnOfTheRunsTable() {
        for (String output : org.elisesweep.sweep.SensitivitySpec.OUTPUTS) {
            TableColumn c = Tables.runs(new ParameterColumns()).stream().filter(t -> t.name().equals(output)).findFirst()
                    .orElseThrow(() -> new AssertionError(output + " is not a runs column"));
            assertTrue(c.type() == ColumnType.DOUBLE || c.type() == ColumnType.INT, output + " is " + c.type());
        }
    }

    @Test
    void aSweepWithoutASensitivitySectionIsRefused(@TempDir Path out) throws Exception {
        SweepJob.run(spark, SweepJobTest.plan("""
                name = plain
                base { training.cycles = 40, replay.cycles = 8, model.n-lat = 8 }
                """), new SweepJob.Options(out.toString(), false, false, 1));
        InvalidOutputException e = assertThrows(InvalidOutputException.class,
                () -> SensitivityTable.analyse(spark, out.toString(), null));
        assertTrue(e.getMessage().startsWith("sweep 'plain' in ") && e.getMessage().contains("is not a sensitivity sweep"),
                e.getMessage());
        assertTrue(!out.resolve("sensitivity").toFile().exists(), "no half-written table");
        assertTrue(SensitivityTable.read(spark, out.toString(), "plain").isEmpty(), "no table to read");
    }
}
