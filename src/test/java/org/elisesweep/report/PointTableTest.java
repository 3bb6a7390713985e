package org.elisesweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.elisesweep.spark.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-point table and points.csv: one row per point, figures over its OK replicates, per visible neuron. */
class PointTableTest {
    private static final StructType RUNS = new StructType()
            .add("point_id", DataTypes.StringType).add("replicate", DataTypes.IntegerType)
            .add("status", DataTypes.StringType).add("n_vis", DataTypes.IntegerType)
            .add("replay_mean_sumcorr_per_neuron", DataTypes.DoubleType).add("learned_at_cycle", DataTypes.IntegerType)
            .add("final_sumcorr_per_neuron", DataTypes.DoubleType);

    @Test
    void everyPointOnceWithItsFiguresOverItsOkReplicatesBestFirst(@TempDir Path dir) throws Exception {
        Dataset<Row> runs = SharedSpark.get().createDataFrame(List.of(
                RowFactory.create("a", 0, "OK", 10, 0.8, 100, 0.9),
                RowFactory.create("a", 1, "OK", 10, 0.6, null, 0.7),
                RowFactory.create("a", 2, "DIVERGED", 10, null, null, null),
                RowFactory.create("b", 0, "OK", 10, 0.95, 50, 1.0),
                RowFactory.create("c", 0, "TIMEOUT", 10, null, null, null)), RUNS);
        ReportPage page = new ReportPage("t");
        new PointTable(runs, SweptAxes.none()).write(page, dir);

        List<String> csv = Files.readAllLines(dir.resolve(PointTable.CSV));
        assertEquals("point_id,simulations,ok,learned,replay_sumcorr_per_neuron_mean,replay_sumcorr_per_neuron_min,"
                + "final_sumcorr_per_neuron_mean", csv.get(0));
        // b: 0.95; a: mean of 0.8 and 0.6, min 0.6, final mean 0.8 over its two OK replicates, one learned
        assertEquals("b,1,1,1,0.95,0.95,1.0", csv.get(1));
        assertEquals(List.of("a", "3", "2", "1"), List.of(csv.get(2).split(",")).subList(0, 4));
        assertEquals(0.7, Double.parseDouble(csv.get(2).split(",")[4]), 1e-12);
        assertEquals(0.6, Double.parseDouble(csv.get(2).split(",")[5]), 1e-12);
        assertEquals(0.8, Double.parseDouble(csv.get(2).split(",")[6]), 1e-12);
        // a point without an OK replicate has no figures, and comes last
        assertEquals("c,1,0,0,,,", csv.get(3));
        assertEquals(4, csv.size());
        String html = page.render();
        assertTrue(html.contains("Every point, best replay first; also in points.csv"), html);
        assertTrue(html.contains("<td class=\"num\">0.950</td>") && html.contains("&ndash;"), html);
    }
}
