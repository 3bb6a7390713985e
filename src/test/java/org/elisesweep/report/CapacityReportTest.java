package org.elisesweep.report;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.elisesweep.spark.AnalyticsTables;
import org.elisesweep.spark.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's capacity section on a small capacity sweep, checked against the runs it aggregates. */
class CapacityReportTest {
    private final SparkSession spark = SharedSpark.get();

    private Dataset<Row> runs(Path output) {
        return spark.read().parquet(output.resolve("runs").toString());
    }

    @Test
    void capacityIsTheLargestLengthWhoseMeanQualityReachesTheThreshold() {
        Dataset<Row> runs = runs(AnalyticsTables.tasksOutput());
        CapacityFigures capacity = CapacityFigures.of(runs);
        // one cell per N_lat × order × K of tasks.conf, each the mean of its runs' replay Σcorr / N_vis
        assertEquals(2 * 2 * 2, capacity.cells().size());
        Map<String, double[]> sums = new HashMap<>();
        for (Row r : runs.filter(col("replay_mean_sumcorr").isNotNull()).select("model_n_lat", "task_markov_order",
                "task_steps", "replay_mean_sumcorr", "n_vis").collectAsList()) {
            double[] s = sums.computeIfAbsent(r.getInt(0) + "/" + r.getInt(1) + "/" + r.getInt(2), k -> new double[2]);
            s[0] += r.getDouble(3) / r.getInt(4);
            s[1]++;
        }
        Map<Integer, Map<Integer, Integer>> expected = new HashMap<>();
        for (CapacityFigures.Cell c : capacity.cells()) {
            double[] s = sums.get(c.nLat() + "/" + c.order() + "/" + c.steps());
            assertEquals(s[0] / s[1], c.quality().mean(), 1e-12);
            int k = c.quality().mean() >= CapacityFigures.THRESHOLD ? c.steps() : 0;
            expected.computeIfAbsent(c.order(), o -> new HashMap<>()).merge(c.nLat(), k, Math::max);
        }
        assertEquals(expected, capacity.capacity());
        assertEquals(4, capacity.table().size(), "a row per Markov order and N_lat");
    }

    @Test
    void theReportHasACapacitySectionOnlyWhenPatternLengthsVary(@TempDir Path dir) throws Exception {
        SweepReport.Result report = SweepReport.write(spark, new SweepReport.Options(
                AnalyticsTables.tasksOutput().toString(), null, dir.resolve("tasks"), false, false));
        String html = Files.readString(report.html());
        assertTrue(html.contains("<h2>Capacity</h2>"), "a capacity section");
        Figure figure = report.figures().stream().filter(f -> f.file().equals(CapacityFigures.FILE)).findFirst()
                .orElseThrow(() -> new AssertionError("no capacity figure in " + report.figures()));
        var png = ImageIO.read(report.figure(figure).toFile());
        assertTrue(PngAssertions.distinctColours(png) > 3, "a drawn chart, not a blank image");
        // Für Elise only (the analytics sweep): one length, no capacity
        assertNull(CapacityFigures.of(runs(AnalyticsTables.output())));
        List<Figure> others = SweepReport.write(spark, new SweepReport.Options(AnalyticsTables.output().toString(),
                null, dir.resolve("analytics"), false, false)).figures();
        assertFalse(others.stream().anyMatch(f -> f.file().equals(CapacityFigures.FILE)));
    }
}
