package org.elisesweep.report;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Capacity curves (docs/tasks.md), for a sweep whose runs learn patterns of two or more lengths:
 * replay quality per visible neuron, q = replay_mean_sumcorr_per_neuron (1 = perfect, 0 = none),
 * against the pattern length K ({@code task_steps}), one line per N_lat, one panel per Markov order
 * ({@code task_markov_order}); then the capacity, the largest K whose mean q is ≥ {@value #THRESHOLD},
 * against N_lat, one line per Markov order. Means and SDs are over every run of a (N_lat, order, K)
 * cell: replicates, pattern seeds and any other axis. Immutable.
 */
final class CapacityFigures {
    /** Replay quality per neuron at which a length counts as replayed. */
    static final double THRESHOLD = 0.9;
    static final String FILE = "capacity.png";

    /** Mean replay quality of the runs of one N_lat, Markov order and pattern length. */
    record Cell(int nLat, int order, int steps, Stats quality) {
    }

    private final List<Cell> cells;

    private CapacityFigures(List<Cell> cells) {
        this.cells = List.copyOf(cells);
    }

    /** The cells of {@code runs} (one Spark query), or null when fewer than two pattern lengths have a replay score. */
    static CapacityFigures of(Dataset<Row> runs) {
        Dataset<Row> scored = runs.filter(col("replay_mean_sumcorr").isNotNull().and(col("task_steps").isNotNull()))
                .withColumn("quality", col("replay_mean_sumcorr_per_neuron"));
        List<Row> rows = scored.groupBy(col("model_n_lat"), col("task_markov_order"), col("task_steps"))
                .agg(Stats.of("quality")[0], Stats.of("quality")[1], Stats.of("quality")[2]).collectAsList();
        List<Cell> cells = new ArrayList<>();
        TreeSet<Integer> lengths = new TreeSet<>();
        for (Row r : rows) {
            cells.add(new Cell(r.getInt(0), r.getInt(1), r.getInt(2), Stats.read(r, "quality")));
            lengths.add(r.getInt(2));
        }
        cells.sort((a, b) -> a.nLat != b.nLat ? Integer.compare(a.nLat, b.nLat)
                : a.order != b.order ? Integer.compare(a.order, b.order) : Integer.compare(a.steps, b.steps));
        return lengths.size() < 2 ? null : new CapacityFigures(cells);
    }

    List<Cell> cells() {
        return cells;
    }

    /** Markov order → N_lat → the largest K whose mean quality is ≥ THRESHOLD, or 0 when none is. */
    Map<Integer, Map<Integer, Integer>> capacity() {
        Map<Integer, Map<Integer, Integer>> out = new TreeMap<>();
        for (Cell c : cells) {
            Map<Integer, Integer> byNLat = out.computeIfAbsent(c.order, o -> new TreeMap<>());
            int best = byNLat.getOrDefault(c.nLat, 0);
            byNLat.put(c.nLat, c.quality.mean() >= THRESHOLD ? Math.max(best, c.steps) : best);
        }
        return out;
    }

    /** The capacity as table rows: Markov order, N_lat, largest K replayed, the lengths tried. */
    List<List<String>> table() {
        List<List<String>> rows = new ArrayList<>();
        Map<Integer, Map<Integer, Integer>> cap = capacity();
        for (Map.Entry<Integer, Map<Integer, Integer>> o : cap.entrySet()) {
            for (Map.Entry<Integer, Integer> n : o.getValue().entrySet()) {
                List<String> tried = cells.stream().filter(c -> c.order == o.getKey() && c.nLat == n.getKey())
                        .map(c -> c.steps + String.format(" (%.2f)", c.quality.mean())).toList();
                rows.add(List.of(o.getKey().toString(), n.getKey().toString(),
                        n.getValue() == 0 ? "none" : n.getValue().toString(), String.join(", ", tried)));
            }
        }
        return rows;
    }

    static List<String> header() {
        return List.of("Markov order", "N_lat", "largest K with mean q ≥ " + THRESHOLD, "K tried (mean q)");
    }

    /** Draws the figure into {@code dir}. */
    Figure write(Path dir) {
        Map<Integer, Map<Integer, Integer>> cap = capacity();
        List<XYChart> panels = new ArrayList<>();
        for (int order : cap.keySet()) {
            panels.add(qualityVsLength(order));
        }
        panels.add(capacityVsNLat(cap));
        ChartStyle.save(dir.resolve(FILE), panels, 2);
        return new Figure(FILE, "Capacity: replay quality vs pattern length, and the longest pattern replayed",
                "Replay quality q = replay Σcorr / N_vis (mean over the free replay cycles of the undisturbed replay;"
                        + " 1 is perfect) against the pattern length K, one panel per Markov order, one line per N_lat;"
                        + " mean ± SD over the replicates, pattern seeds and any other axis. Last panel: the capacity,"
                        + " the largest K tried whose mean q is ≥ " + THRESHOLD + " (0: none), against N_lat. Runs"
                        + " without a replay score are left out.");
    }

    private XYChart qualityVsLength(int order) {
        XYChart chart = new XYChartBuilder().width(ChartStyle.PANEL_WIDTH).height(ChartStyle.PANEL_HEIGHT)
                .title("Replay quality vs K, Markov order " + order).xAxisTitle("pattern length K (steps)")
                .yAxisTitle("replay Σcorr / N_vis").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        TreeSet<Integer> lengths = new TreeSet<>();
        cells.forEach(c -> lengths.add(c.steps));
        int colour = 0;
        for (int nLat : new TreeSet<>(cells.stream().map(Cell::nLat).toList())) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            List<Double> sds = new ArrayList<>();
            for (Cell c : cells) {
                if (c.order == order && c.nLat == nLat && Double.isFinite(c.quality.mean())) {
                    xs.add((double) c.steps);
                    ys.add(c.quality.mean());
                    sds.add(c.quality.sd());
                }
            }
            if (!xs.isEmpty()) {
                style(chart.addSeries("N_lat = " + nLat, xs, ys, sds), colour++);
            }
        }
        List<Double> ends = List.of((double) lengths.first(), (double) lengths.last());
        XYSeries threshold = chart.addSeries("q = " + THRESHOLD, ends, List.of(THRESHOLD, THRESHOLD));
        threshold.setMarker(SeriesMarkers.NONE);
        threshold.setLineColor(java.awt.Color.GRAY);
        return chart;
    }

    private XYChart capacityVsNLat(Map<Integer, Map<Integer, Integer>> cap) {
        XYChart chart = new XYChartBuilder().width(ChartStyle.PANEL_WIDTH).height(ChartStyle.PANEL_HEIGHT)
                .title("Capacity: largest K with q ≥ " + THRESHOLD).xAxisTitle("N_lat (latent neurons)")
                .yAxisTitle("largest K replayed (steps)").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setYAxisMin(0.0);
        int colour = 0;
        for (Map.Entry<Integer, Map<Integer, Integer>> o : cap.entrySet()) {
            List<Double> xs = o.getValue().keySet().stream().map(Integer::doubleValue).toList();
            List<Double> ys = o.getValue().values().stream().map(Integer::doubleValue).toList();
            style(chart.addSeries("Markov order " + o.getKey(), xs, ys), colour++);
        }
        return chart;
    }

    private static void style(XYSeries s, int colour) {
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setLineColor(ChartStyle.color(colour));
        s.setMarkerColor(ChartStyle.color(colour));
    }
}
