package org.elisesweep.report;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;

import java.awt.BasicStroke;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.elisesweep.model.Status;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Learning curves (the {@code curves} table: Σcorr and MSE of every free-run validation cycle),
 * averaged over the replicates of each group of points. Groups are the combinations of the
 * fewest-valued swept axes that make at most {@value #MAX_CURVES} curves; other axes are averaged
 * over. With a single group the curve is drawn by {@link LearningCurvePlot}.
 */
final class LearningCurveFigure {
    static final int MAX_CURVES = 8;
    static final String FILE = "learning-curves.png";
    private static final int WIDTH = 1100;

    private final Dataset<Row> runs;
    private final Dataset<Row> curves;
    private final SweptAxes axes;
    private final int nVis;

    LearningCurveFigure(Dataset<Row> runs, Dataset<Row> curves, SweptAxes axes, int nVis) {
        this.runs = runs;
        this.curves = curves;
        this.axes = axes;
        this.nVis = nVis;
    }

    /** The axes that split the curves: categorical ones first, then the fewest values, while the curves stay few. */
    List<SweptAxis> groupAxes() {
        List<SweptAxis> candidates = new ArrayList<>(axes.all());
        candidates.sort(Comparator.comparing(SweptAxis::numeric).thenComparingInt(SweptAxis::size));
        List<SweptAxis> chosen = new ArrayList<>();
        int curvesSoFar = 1;
        for (SweptAxis a : candidates) {
            if (curvesSoFar * a.size() <= MAX_CURVES) {
                chosen.add(a);
                curvesSoFar *= a.size();
            }
        }
        return chosen;
    }

    /** Writes the figure; null when no OK run has a learning curve. */
    Figure write(Path dir) {
        List<SweptAxis> groups = groupAxes();
        Map<String, Curve> byGroup = aggregate(groups);   // label → its curve
        if (byGroup.isEmpty()) {
            return null;
        }
        Path png = dir.resolve(FILE);
        if (byGroup.size() == 1) {
            List<double[]> points = byGroup.values().iterator().next().points();
            LearningCurvePlot.write(png, points.stream().mapToInt(p -> (int) p[0]).toArray(),
                    points.stream().mapToDouble(p -> p[2]).toArray(), points.stream().mapToDouble(p -> p[1]).toArray(),
                    nVis);
        } else {
            ChartStyle.save(png, charts(byGroup), 1);
        }
        List<SweptAxis> averaged = axes.others(groups.toArray(SweptAxis[]::new));
        return new Figure(FILE, "Learning curves" + (groups.isEmpty() ? "" : " by "
                + String.join(", ", groups.stream().map(SweptAxis::path).toList())),
                "Σcorr and MSE of the free-run validation cycles during training, each curve the mean over the "
                + "replicates" + (averaged.isEmpty() ? "" : " and every value of "
                + String.join(", ", averaged.stream().map(SweptAxis::path).toList()))
                + " (runs with status OK only). Dashed: the learning criterion Σcorr = 0.9·N_vis.");
    }

    /**
     * One group's curve: its rows [cycle, sumcorr, mse], and how it is drawn: the colour of its
     * value of the first splitting axis and the line style of its values of the others, so that
     * two factors read apart (colour for one, dashes for the other).
     */
    record Curve(int colour, int style, List<double[]> points) {
    }

    /** Line styles of the second factor, in order: solid, dashed, dotted, dash-dotted. */
    private static final BasicStroke[] STYLES = {
        new BasicStroke(2f),
        new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {9f, 5f}, 0f),
        new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {1f, 5f}, 0f),
        new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {9f, 4f, 2f, 4f}, 0f),
    };

    /** The two panels (Σcorr with the learning threshold, MSE) of the curves of {@link #groupAxes()}. */
    List<XYChart> charts() {
        return charts(aggregate(groupAxes()));
    }

    private List<XYChart> charts(Map<String, Curve> byGroup) {
        return List.of(chart(byGroup, 1, LearningCurvePlot.SUMCORR_LABEL, true),
                chart(byGroup, 2, LearningCurvePlot.MSE_LABEL, false));
    }

    private Map<String, Curve> aggregate(List<SweptAxis> groups) {
        List<Column> keys = new ArrayList<>();
        keys.add(col("point_id"));
        keys.add(col("replicate"));
        groups.forEach(g -> keys.add(col(g.column())));
        Dataset<Row> ok = runs.filter(col("status").equalTo(Status.OK.name())).select(keys.toArray(Column[]::new));
        List<Column> by = new ArrayList<>();
        groups.forEach(g -> by.add(col(g.column())));
        by.add(col("cycle"));
        List<Row> rows = curves.join(ok, new String[] {"point_id", "replicate"}).groupBy(by.toArray(Column[]::new))
                .agg(avg(col("sumcorr")), avg(col("mse"))).orderBy(by.toArray(Column[]::new)).collectAsList();
        Map<String, Curve> out = new LinkedHashMap<>();
        List<String> colours = new ArrayList<>();   // values of the first axis, in order of appearance
        List<String> styles = new ArrayList<>();    // combinations of the others' values
        int g = groups.size();
        for (Row r : rows) {
            List<String> label = new ArrayList<>();
            for (int k = 0; k < g; k++) {
                label.add(AxisFigures.seriesName(groups.get(k), groups.get(k).valueOf(r.get(k))));
            }
            String first = label.isEmpty() ? "" : label.get(0);
            String rest = label.size() < 2 ? "" : String.join(", ", label.subList(1, label.size()));
            Curve curve = out.computeIfAbsent(label.isEmpty() ? "all runs" : String.join(", ", label),
                    l -> new Curve(indexOf(colours, first), indexOf(styles, rest), new ArrayList<>()));
            curve.points().add(new double[] {r.getInt(g), r.getDouble(g + 1), r.getDouble(g + 2)});
        }
        return out;
    }

    private static int indexOf(List<String> seen, String value) {
        if (!seen.contains(value)) {
            seen.add(value);
        }
        return seen.indexOf(value);
    }

    /** One panel: field 1 (Σcorr, with the learning threshold) or 2 (MSE) of every group's curve. */
    private XYChart chart(Map<String, Curve> byGroup, int field, String yTitle, boolean threshold) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(ChartStyle.PANEL_HEIGHT)
                .title((field == 1 ? "Σcorr" : "MSE") + " of the free-run validation cycles")
                .xAxisTitle(LearningCurvePlot.X_LABEL).yAxisTitle(yTitle).build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(LegendLayout.Vertical);
        chart.getStyler().setXAxisDecimalPattern("0");
        double first = Double.MAX_VALUE;
        double last = -Double.MAX_VALUE;
        for (Map.Entry<String, Curve> e : byGroup.entrySet()) {
            Curve c = e.getValue();
            double[] x = c.points().stream().mapToDouble(p -> p[0]).toArray();
            double[] y = c.points().stream().mapToDouble(p -> p[field]).toArray();
            XYSeries s = chart.addSeries(e.getKey(), x, y);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(ChartStyle.color(c.colour()));
            s.setLineStyle(STYLES[c.style() % STYLES.length]);
            first = Math.min(first, x[0]);
            last = Math.max(last, x[x.length - 1]);
        }
        if (threshold) {
            double t = LearningCurvePlot.LEARNED_FRACTION * nVis;
            XYSeries ref = chart.addSeries(LearningCurvePlot.THRESHOLD_LABEL, new double[] {first, last},
                    new double[] {t, t});
            ref.setLineColor(LearningCurvePlot.THRESHOLD_COLOR);
            ref.setMarker(SeriesMarkers.NONE);
            ref.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {8f, 6f}, 0f));
        }
        return chart;
    }
}
