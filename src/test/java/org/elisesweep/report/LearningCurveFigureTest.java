package org.elisesweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Stroke;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.elisesweep.spark.AnalyticsTables;
import org.elisesweep.spark.SharedSpark;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** Learning curves split by several factors: the first by colour, the others by line style. */
class LearningCurveFigureTest {
    private final SparkSession spark = SharedSpark.get();

    @Test
    void theFirstFactorIsTheColourAndTheOthersTheLineStyle() {
        String out = AnalyticsTables.output().toString();
        Dataset<Row> runs = spark.read().parquet(out + "/runs");
        Dataset<Row> curves = spark.read().parquet(out + "/curves");
        LearningCurveFigure figure = new LearningCurveFigure(runs, curves, SweptAxes.of(runs), 13);
        List<SweptAxis> groups = figure.groupAxes();
        assertTrue(groups.size() >= 2, "the fixture splits its curves by two factors or more: " + groups);
        // e.g. "mode = elise, latent neurons N_lat = 30, dendritic noise σ_d = 0 mV": names, not paths
        String first = groups.get(0).name();
        for (XYChart chart : figure.charts()) {
            Map<String, Color> colourOfFirst = new HashMap<>();
            Map<String, Stroke> styleOfRest = new HashMap<>();
            Set<String> drawn = new HashSet<>();
            int drawnCurves = 0;
            for (XYSeries s : chart.getSeriesMap().values()) {
                if (s.getName().equals(LearningCurvePlot.THRESHOLD_LABEL)) {
                    continue;
                }
                drawnCurves++;
                assertTrue(s.getName().startsWith(first + " = "), s.getName());
                int comma = s.getName().indexOf(", ");
                String firstValue = s.getName().substring(0, comma);
                String rest = s.getName().substring(comma + 2);
                assertEquals(colourOfFirst.computeIfAbsent(firstValue, v -> s.getLineColor()), s.getLineColor(),
                        "one colour per value of " + first + ": " + s.getName());
                assertEquals(styleOfRest.computeIfAbsent(rest, v -> s.getLineStyle()), s.getLineStyle(),
                        "one line style per value of the other factors: " + s.getName());
                assertTrue(drawn.add(s.getLineColor() + "/" + s.getLineStyle()), "two curves drawn alike: " + s.getName());
            }
            assertEquals(8, drawnCurves);
            assertEquals(2, colourOfFirst.size());
            assertEquals(4, styleOfRest.size());
            assertNotEquals(colourOfFirst.values().toArray()[0], colourOfFirst.values().toArray()[1]);
        }
    }
}
