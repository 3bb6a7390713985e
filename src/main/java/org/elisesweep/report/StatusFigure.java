package org.elisesweep.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.elisesweep.model.Status;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/** How many simulations ended with each status (OK, DIVERGED, TIMEOUT, ERROR, INVALID). */
final class StatusFigure {
    static final String FILE = "status.png";

    private StatusFigure() {
    }

    /** Simulations per status, every status listed (0 when none), in the enum's order. */
    static Map<Status, Long> counts(Dataset<Row> runs) {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0L);
        }
        for (Row r : runs.groupBy("status").count().collectAsList()) {
            counts.put(Status.valueOf(r.getString(0)), r.getLong(1));
        }
        return counts;
    }

    static Figure write(Path dir, Map<Status, Long> counts) {
        CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.PANEL_WIDTH).height(ChartStyle.PANEL_HEIGHT)
                .title("Simulations by status").xAxisTitle("status").yAxisTitle("simulations").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setLabelsVisible(true);   // the count above each bar
        chart.getStyler().setYAxisDecimalPattern("0");
        chart.getStyler().setYAxisMin(0.0);
        List<String> names = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        counts.forEach((s, n) -> {
            names.add(s.name());
            values.add(n);
        });
        chart.addSeries("simulations", names, values);
        ChartStyle.save(dir.resolve(FILE), List.of(chart), 1);
        long failed = counts.entrySet().stream().filter(e -> e.getKey() != Status.OK).mapToLong(Map.Entry::getValue).sum();
        return new Figure(FILE, "Simulations by status", failed == 0 ? "Every simulation ended with status OK."
                : failed + " simulations did not end with status OK; the runs table's error column says why.");
    }
}
