package org.elisesweep.report;

import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.elisesweep.spark.RunParameters;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.HeatMapSeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The frontier of a frontier sweep (its {@code frontiers} table): a table of every configuration,
 * and x* with its 90 % interval against the first parameter that differs between configurations,
 * one line per value of the second when there is one.
 */
final class FrontierFigures {
    private final List<Row> rows;
    /** The configuration's parameter columns: those between configuration_id and parameter. */
    private final List<String> columns;

    private FrontierFigures(List<Row> rows, List<String> columns) {
        this.rows = rows;
        this.columns = columns;
    }

    /** The frontier of {@code sweep} under {@code outputRoot}, or null when it is not a frontier sweep. */
    static FrontierFigures read(SparkSession spark, String outputRoot, String sweep) throws IOException {
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(new org.apache.hadoop.fs.Path(outputRoot,
                "frontiers"), "sweep=" + sweep);
        FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!fs.exists(dir)) {
            return null;
        }
        List<Row> rows = spark.read().parquet(dir.toString()).orderBy("configuration").collectAsList();
        List<String> names = List.of(rows.get(0).schema().fieldNames());
        return new FrontierFigures(rows, names.subList(names.indexOf("configuration_id") + 1, names.indexOf("parameter")));
    }

    String parameter() {
        return rows.get(0).getAs("parameter");
    }

    String criterion() {
        return rows.get(0).getAs("criterion");
    }

    List<String> header() {
        List<String> h = new ArrayList<>(columns);
        h.addAll(List.of("x*", "90% interval", "bracket (last pass, first fail)", "rounds", "simulations", "status"));
        return h;
    }

    List<List<String>> table() {
        List<List<String>> out = new ArrayList<>();
        for (Row r : rows) {
            List<String> cells = new ArrayList<>();
            columns.forEach(c -> cells.add(String.valueOf((Object) r.getAs(c))));
            cells.add(num(r.getAs("x_star")));
            cells.add("[" + num(r.getAs("x_low")) + ", " + num(r.getAs("x_high")) + "]");
            cells.add("[" + num(r.getAs("last_pass")) + ", " + num(r.getAs("first_fail")) + "]");
            cells.add(String.valueOf((Object) r.getAs("rounds")));
            cells.add(String.valueOf((Object) r.getAs("simulations")));
            cells.add(r.getAs("status"));
            out.add(cells);
        }
        return out;
    }

    /** The figure, written to {@code dir}; null without a numeric configuration parameter or any x*. */
    Figure write(Path dir) {
        if (columns.isEmpty() || !(rows.get(0).getAs(columns.get(0)) instanceof Number)) {
            return null;
        }
        String x = columns.get(0);
        String group = columns.size() > 1 ? columns.get(1) : null;
        Map<String, List<Row>> byGroup = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.getAs("x_star") != null) {
                byGroup.computeIfAbsent(group == null ? "x*" : AxisFigures.seriesName(axis(group), axis(group).valueOf(r.getAs(group))),
                        g -> new ArrayList<>()).add(r);
            }
        }
        if (byGroup.isEmpty()) {
            return null;
        }
        XYChart chart = new XYChartBuilder().width(ChartStyle.PANEL_WIDTH).height(ChartStyle.PANEL_HEIGHT)
                .title("Frontier: " + searched().name() + " vs " + axis(x).name()).xAxisTitle(axis(x).title())
                .yAxisTitle("x*, " + searched().title()).build();
        ChartStyle.apply(chart.getStyler());
        int colour = 0;
        for (Map.Entry<String, List<Row>> g : byGroup.entrySet()) {
            List<Row> rs = new ArrayList<>(g.getValue());
            rs.sort(Comparator.comparingDouble(r -> ((Number) r.getAs(x)).doubleValue()));
            List<Double> xs = rs.stream().map(r -> ((Number) r.getAs(x)).doubleValue()).toList();
            XYSeries star = chart.addSeries(g.getKey(), xs, rs.stream().map(r -> (Double) r.getAs("x_star")).toList());
            star.setMarker(SeriesMarkers.CIRCLE);
            star.setLineColor(ChartStyle.color(colour));
            star.setMarkerColor(ChartStyle.color(colour));
            for (String end : List.of("x_low", "x_high")) {
                XYSeries bound = chart.addSeries(g.getKey() + " " + end, xs, rs.stream().map(r -> (Double) r.getAs(end))
                        .toList());
                bound.setMarker(SeriesMarkers.NONE);
                bound.setLineStyle(SeriesLines.DASH_DASH);
                bound.setLineColor(ChartStyle.color(colour));
                bound.setShowInLegend(false);
            }
            colour++;
        }
        String file = "frontier-vs-" + x + ".png";
        ChartStyle.save(dir.resolve(file), List.of(chart), 1);
        return new Figure(file, "Frontier of " + parameter() + " vs " + x, "x* (the posterior median where "
                + criterion() + " stops holding) with its 90 % interval (dashed), per configuration"
                + (group == null ? "" : ", one line per " + group) + "; configurations without a crossing in the"
                + " range are left out (see the table).");
    }

    /**
     * With two numeric configuration parameters: x* over their grid as a heat map (a cell per
     * configuration, empty where there is no crossing); null otherwise.
     */
    Figure heatMap(Path dir) {
        if (columns.size() < 2 || !(rows.get(0).getAs(columns.get(0)) instanceof Number)
                || !(rows.get(0).getAs(columns.get(1)) instanceof Number)) {
            return null;
        }
        SweptAxis x = axis(columns.get(0));
        SweptAxis y = axis(columns.get(1));
        List<Object> xs = distinct(x);
        List<Object> ys = distinct(y);
        List<Number[]> cells = new ArrayList<>();
        double max = 0;
        for (Row r : rows) {
            Double star = r.getAs("x_star");
            if (star != null) {
                cells.add(new Number[] {xs.indexOf(x.valueOf(r.getAs(x.column()))), ys.indexOf(y.valueOf(r.getAs(y.column()))),
                    star});
                max = Math.max(max, star);
            }
        }
        if (cells.isEmpty()) {
            return null;
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(ChartStyle.PANEL_WIDTH).height(ChartStyle.PANEL_HEIGHT)
                .title("x* of " + searched().name() + " over " + x.name() + " × " + y.name())
                .xAxisTitle(x.title()).yAxisTitle(y.title()).build();
        HeatMapSeries series = chart.addSeries("x*, " + searched().title(), xs.stream().map(SweptAxis::format).toList(),
                ys.stream().map(SweptAxis::format).toList(), cells);
        series.setMin(0);
        series.setMax(max > 0 ? max : 1);
        HeatMapStyler s = chart.getStyler();
        ChartStyle.common(s);
        s.setRangeColors(ChartStyle.lightScale());
        s.setPiecewise(false);
        s.setShowValue(xs.size() <= 8 && ys.size() <= 8);
        s.setValueFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        s.setHeatMapValueDecimalPattern("0.###");
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setGradientColorColumnHeight(ChartStyle.PANEL_HEIGHT - 120);
        s.setDrawBorder(false);
        s.setPlotContentSize(1.0);
        String file = "frontier-over-" + x.column() + "-" + y.column() + ".png";
        ChartStyle.save(dir.resolve(file), List.of(chart), 1);
        return new Figure(file, "Frontier of " + parameter() + " over " + x.path() + " × " + y.path(),
                "x* (where " + criterion() + " stops holding) per configuration; a blank cell has no crossing in the"
                        + " searched range (its status is in the table)"
                        + (columns.size() > 2 ? "; further configuration parameters share cells" : "") + ".");
    }

    /** A configuration column as an axis, for its name and unit from the parameter catalog. */
    private SweptAxis axis(String column) {
        return new SweptAxis(column, RunParameters.pathOf(column), rows.get(0).getAs(column) instanceof Number, List.of());
    }

    private SweptAxis searched() {
        return new SweptAxis("", parameter(), true, List.of());
    }

    private List<Object> distinct(SweptAxis a) {
        return rows.stream().map(r -> a.valueOf(r.getAs(a.column()))).distinct()
                .sorted(Comparator.comparingDouble(v -> ((Number) v).doubleValue())).toList();
    }

    private static String num(Double v) {
        return v == null ? "-" : String.format("%.4g", v);
    }
}
