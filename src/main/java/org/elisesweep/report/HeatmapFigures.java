package org.elisesweep.report;

import static org.apache.spark.sql.functions.col;

import java.awt.Font;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.HeatMapSeries;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * Replay quality over every grid of two numeric swept parameters (each value of one combined with
 * each value of the other, e.g. scaffold p × q): one heat-map cell per pair, the mean over the
 * replicates and any other axes, its value written in the cell.
 */
final class HeatmapFigures {
    /** At most this many grids are drawn (the first pairs in table order). */
    private static final int MAX_HEATMAPS = 6;
    /** Cells larger than this grid carry no printed values (they would not fit). */
    private static final int MAX_LABELLED_CELLS = 15;

    private final Dataset<Row> runs;
    private final SweptAxes axes;
    private final int nVis;

    HeatmapFigures(Dataset<Row> runs, SweptAxes axes, int nVis) {
        this.runs = runs;
        this.axes = axes;
        this.nVis = nVis;
    }

    List<Figure> write(Path dir) {
        List<Figure> figures = new ArrayList<>();
        List<SweptAxis> numeric = axes.all().stream().filter(SweptAxis::numeric).toList();
        for (int i = 0; i < numeric.size() && figures.size() < MAX_HEATMAPS; i++) {
            for (int j = i + 1; j < numeric.size() && figures.size() < MAX_HEATMAPS; j++) {
                SweptAxis x = numeric.get(i);
                SweptAxis y = numeric.get(j);
                if (axes.grid(x, y)) {
                    figures.add(write(dir, x, y));
                }
            }
        }
        return figures;
    }

    private Figure write(Path dir, SweptAxis x, SweptAxis y) {
        Metric sumCorr = Metric.replaySumCorr(nVis);
        Metric mse = Metric.replayMse();
        List<Row> cells = runs.filter(col(sumCorr.column()).isNotNull()).groupBy(col(x.column()), col(y.column()))
                .agg(Stats.of(sumCorr.column())[0], Stats.of(mse.column())[0]).collectAsList();
        List<HeatMapChart> panels = List.of(
                panel(x, y, cells, sumCorr, 2, nVis),
                panel(x, y, cells, mse, 3, maxMse(cells)));
        String file = "heatmap-" + x.column() + "-" + y.column() + ".png";
        ChartStyle.save(dir.resolve(file), panels, panels.size());
        List<SweptAxis> others = axes.others(x, y);
        return new Figure(file, "Replay quality over the grid " + x.path() + " × " + y.path(),
                "Each cell: the mean over the replicates" + (others.isEmpty() ? "" : " and every value of "
                + String.join(", ", others.stream().map(SweptAxis::path).toList()))
                + ". Left: replay Σcorr (colour scale 0 … N_vis = " + nVis + ", darker is better). Right: replay MSE "
                + "(colour scale from 0, lighter is better). Empty cells: no run there has a replay score.");
    }

    /**
     * The top of the MSE colour scale: the largest cell rounded up to a round number. The scale
     * starts at 0, so that small differences look small.
     */
    private static double maxMse(List<Row> cells) {
        double max = cells.stream().filter(r -> !r.isNullAt(3)).mapToDouble(r -> r.getDouble(3)).max().orElse(1);
        return max > 0 ? ReplayRasterPlot.niceStep(max) : 1;
    }

    /** One heat map of a metric's cell means, coloured on the scale [0, max]. */
    private static HeatMapChart panel(SweptAxis x, SweptAxis y, List<Row> cells, Metric metric, int column,
                                      double max) {
        HeatMapChart chart = new HeatMapChartBuilder().width(ChartStyle.PANEL_WIDTH).height(ChartStyle.PANEL_HEIGHT)
                .title(metric.name() + " over " + x.shortName() + " × " + y.shortName())
                .xAxisTitle(x.title()).yAxisTitle(y.title()).build();
        List<Number[]> data = new ArrayList<>();
        for (Row r : cells) {
            Object value = r.get(column);
            if (value != null) {
                data.add(new Number[] {x.values().indexOf(x.valueOf(r.get(0))), y.values().indexOf(y.valueOf(r.get(1))),
                    (Double) value});
            }
        }
        List<String> xs = x.values().stream().map(SweptAxis::format).toList();
        List<String> ys = y.values().stream().map(SweptAxis::format).toList();
        HeatMapSeries series = chart.addSeries(metric.axisTitle(), xs, ys, data);
        series.setMin(0);
        series.setMax(max);
        HeatMapStyler s = chart.getStyler();
        ChartStyle.common(s);
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setRangeColors(ChartStyle.lightScale());
        s.setPiecewise(false);
        s.setShowValue(x.size() <= MAX_LABELLED_CELLS && y.size() <= MAX_LABELLED_CELLS);
        s.setValueFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        s.setHeatMapValueDecimalPattern(metric.column().endsWith("mse") ? "0.000" : "0.00");
        s.setLegendPosition(LegendPosition.OutsideE);
        s.setGradientColorColumnHeight(ChartStyle.PANEL_HEIGHT - 120);
        s.setDrawBorder(false);
        s.setPlotContentSize(1.0);
        return chart;
    }
}
