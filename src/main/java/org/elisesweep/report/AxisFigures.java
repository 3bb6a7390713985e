package org.elisesweep.report;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Replay quality against each swept parameter: Σcorr and MSE side by side, mean ± SD over the
 * runs of each mark, one line (numeric axis) or bar colour (categorical axis) per value of a
 * second, few-valued axis when there is one ({@link SweptAxes#groupFor}).
 */
final class AxisFigures {
    /** Most values of the axis that splits a plot into lines. */
    static final int MAX_GROUPS = 6;
    /** Above this many values a numeric axis is drawn as points only: a sampled axis has no order to connect. */
    private static final int MAX_CONNECTED = 20;
    /** Positive values spanning at least this ratio get a logarithmic axis (e.g. learning rates 1e-4 … 1e-2). */
    private static final double LOG_RATIO = 100;

    private final Dataset<Row> runs;
    private final SweptAxes axes;
    private final List<Metric> metrics;

    AxisFigures(Dataset<Row> runs, SweptAxes axes, int nVis) {
        this.runs = runs;
        this.axes = axes;
        this.metrics = List.of(Metric.replaySumCorr(nVis), Metric.replayMse());
    }

    /** One figure per swept axis, written to {@code dir}. */
    List<Figure> write(Path dir) {
        List<Figure> figures = new ArrayList<>();
        for (SweptAxis x : axes.all()) {
            SweptAxis group = axes.groupFor(x, MAX_GROUPS);
            Map<Object, Map<Object, Stats[]>> stats = aggregate(x, group);
            List<Chart<?, ?>> panels = new ArrayList<>();
            for (int m = 0; m < metrics.size(); m++) {
                panels.add(x.numeric() ? lines(x, group, stats, m) : bars(x, group, stats, m));
            }
            String file = "replay-vs-" + x.column() + ".png";
            ChartStyle.save(dir.resolve(file), panels, panels.size());
            figures.add(new Figure(file, "Replay quality vs " + x.path() + by(group), caption(x, group, stats)));
        }
        return figures;
    }

    private static String by(SweptAxis group) {
        return group == null ? "" : ", by " + group.path();
    }

    /** group value (or "all") → x value → stats of each metric; one Spark query. */
    private Map<Object, Map<Object, Stats[]>> aggregate(SweptAxis x, SweptAxis group) {
        Column[] keys = group == null ? new Column[] {col(x.column())} : new Column[] {col(x.column()), col(group.column())};
        Column[] aggs = metrics.stream().flatMap(m -> Stream.of(Stats.of(m.column()))).toArray(Column[]::new);
        List<Row> rows = runs.filter(col(metrics.get(0).column()).isNotNull()).groupBy(keys)
                .agg(aggs[0], Arrays.copyOfRange(aggs, 1, aggs.length)).collectAsList();
        Map<Object, Map<Object, Stats[]>> out = new LinkedHashMap<>();
        for (Object g : group == null ? List.<Object>of("all runs") : group.values()) {
            out.put(g, new LinkedHashMap<>());
        }
        for (Row r : rows) {
            Object g = group == null ? "all runs" : group.valueOf(r.get(1));
            Stats[] s = metrics.stream().map(m -> Stats.read(r, m.column())).toArray(Stats[]::new);
            out.get(g).put(x.valueOf(r.get(0)), s);
        }
        return out;
    }

    private XYChart lines(SweptAxis x, SweptAxis group, Map<Object, Map<Object, Stats[]>> stats, int m) {
        Metric metric = metrics.get(m);
        XYChart chart = new XYChartBuilder().width(ChartStyle.PANEL_WIDTH).height(ChartStyle.PANEL_HEIGHT)
                .title(metric.name() + " vs " + x.name() + (group == null ? "" : ", by " + group.name())).xAxisTitle(x.title())
                .yAxisTitle(metric.axisTitle()).build();
        ChartStyle.apply(chart.getStyler());
        double min = (Double) x.values().get(0);
        double max = (Double) x.values().get(x.size() - 1);
        chart.getStyler().setXAxisLogarithmic(min > 0 && max / min >= LOG_RATIO);
        boolean connected = x.size() <= MAX_CONNECTED;
        int colour = 0;
        for (Map.Entry<Object, Map<Object, Stats[]>> g : stats.entrySet()) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            List<Double> sds = new ArrayList<>();
            for (Object v : x.values()) {   // ascending
                Stats[] s = g.getValue().get(v);
                if (s != null && Double.isFinite(s[m].mean())) {
                    xs.add((Double) v);
                    ys.add(s[m].mean());
                    sds.add(s[m].sd());
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            XYSeries series = chart.addSeries(seriesName(group, g.getKey()), xs, ys, sds);
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setLineColor(ChartStyle.color(colour));
            series.setMarkerColor(ChartStyle.color(colour++));
            series.setXYSeriesRenderStyle(connected ? XYSeries.XYSeriesRenderStyle.Line
                    : XYSeries.XYSeriesRenderStyle.Scatter);
        }
        return chart;
    }

    private CategoryChart bars(SweptAxis x, SweptAxis group, Map<Object, Map<Object, Stats[]>> stats, int m) {
        Metric metric = metrics.get(m);
        CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.PANEL_WIDTH).height(ChartStyle.PANEL_HEIGHT)
                .title(metric.name() + " vs " + x.name() + (group == null ? "" : ", by " + group.name())).xAxisTitle(x.title())
                .yAxisTitle(metric.axisTitle()).build();
        ChartStyle.apply(chart.getStyler());
        List<String> categories = x.values().stream().map(SweptAxis::format).toList();
        for (Map.Entry<Object, Map<Object, Stats[]>> g : stats.entrySet()) {
            List<Double> ys = new ArrayList<>();
            List<Double> sds = new ArrayList<>();
            for (Object v : x.values()) {
                Stats[] s = g.getValue().get(v);
                ys.add(s == null ? 0.0 : s[m].mean());   // a category with no scored run: no bar
                sds.add(s == null ? 0.0 : s[m].sd());
            }
            chart.addSeries(seriesName(group, g.getKey()), categories, ys, sds);
        }
        return chart;
    }

    /** Legend text of one value of the splitting axis, e.g. "mode = elise", "dendrite-sigma = 2 mV". */
    static String seriesName(SweptAxis group, Object value) {
        if (group == null) {
            return String.valueOf(value);
        }
        return group.shortName() + " = " + group.valueWithUnit(value);
    }

    private String caption(SweptAxis x, SweptAxis group, Map<Object, Map<Object, Stats[]>> stats) {
        long min = Long.MAX_VALUE;
        long max = 0;
        for (Map<Object, Stats[]> byX : stats.values()) {
            for (Stats[] s : byX.values()) {
                min = Math.min(min, s[0].n());
                max = Math.max(max, s[0].n());
            }
        }
        List<SweptAxis> averaged = axes.others(x, group);
        String over = "the replicates" + (averaged.isEmpty() ? ""
                : " and every value of " + String.join(", ", averaged.stream().map(SweptAxis::path).toList()));
        String runsPerMark = min == max ? min + " runs" : min + "–" + max + " runs";
        return "Mean ± SD over " + over + " (" + runsPerMark + " per mark). Left: Σcorr of the undisturbed replay, "
                + "averaged over its free cycles (higher is better). Right: its MSE (lower is better). Runs without "
                + "a replay score (failed runs) are left out.";
    }
}
