package org.elisesweep.report;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.elisesweep.spark.RunParameters;
import org.elisesweep.sweep.ParameterCatalog;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A frontier checked against a dense grid of the same simulations: per configuration, the level
 * where the grid's success fraction (the frontier's criterion over each level's replicates)
 * crosses 0.5, linearly interpolated between the two levels around it, against the frontier's x*
 * and interval, and the simulations each spent; with one figure of both.
 *
 * @param rows one per configuration of the frontier
 */
public record FrontierValidation(String parameter, String criterion, double precision, List<Check> rows,
                                 long denseSimulations, long frontierSimulations) {
    /**
     * One configuration: its label, the grid's crossing (null when the fraction does not cross 0.5),
     * the frontier's x* and interval, and whether x* lies within {@code precision} of the crossing.
     */
    public record Check(String configuration, Double denseCrossing, Double xStar, Double low, Double high,
                        String status, boolean agrees, double[] levels, double[] fractions) {
    }

    /**
     * The level where {@code fractions} (at ascending {@code levels}) first crosses 0.5 downwards
     * ({@code passesBelow}: the criterion holds below the frontier) or upwards, linearly interpolated;
     * null when it never does.
     */
    public static Double crossing(double[] levels, double[] fractions, boolean passesBelow) {
        for (int k = 0; k + 1 < levels.length; k++) {
            double a = passesBelow ? fractions[k] : 1 - fractions[k];
            double b = passesBelow ? fractions[k + 1] : 1 - fractions[k + 1];
            if (a >= 0.5 && b < 0.5) {
                return levels[k] + (a - 0.5) / (a - b) * (levels[k + 1] - levels[k]);
            }
        }
        return null;
    }

    /**
     * Compares the frontier sweep under {@code frontierOut} with the dense grid under {@code denseOut}
     * (the same base and configurations; the searched parameter an axis of the grid).
     */
    public static FrontierValidation of(SparkSession spark, String denseOut, String frontierOut, double precision,
                                        boolean passesBelow) {
        List<Row> frontier = spark.read().parquet(frontierOut + "/frontiers").orderBy("configuration").collectAsList();
        List<String> names = List.of(frontier.get(0).schema().fieldNames());
        List<String> configColumns = names.subList(names.indexOf("configuration_id") + 1, names.indexOf("parameter"));
        String parameter = frontier.get(0).getAs("parameter");
        String criterion = frontier.get(0).getAs("criterion");
        String searched = RunParameters.columnOf(parameter);
        List<Check> checks = new ArrayList<>();
        for (Row f : frontier) {
            StringBuilder where = new StringBuilder("status IS NOT NULL");
            List<String> label = new ArrayList<>();
            for (String c : configColumns) {
                Object v = f.getAs(c);
                where.append(" AND ").append(c).append(" = ").append(v instanceof String ? "'" + v + "'" : v);
                label.add(ParameterCatalog.INSTANCE.labelOf(RunParameters.pathOf(c)) + " = " + v);
            }
            List<Row> grid = spark.read().parquet(denseOut + "/runs").where(where.toString())
                    .selectExpr(searched + " AS level", "CASE WHEN coalesce((" + criterion + "), false) THEN 1.0 ELSE 0.0 END AS pass")
                    .groupBy("level").avg("pass").orderBy(col("level")).collectAsList();
            double[] levels = grid.stream().mapToDouble(r -> ((Number) r.get(0)).doubleValue()).toArray();
            double[] fractions = grid.stream().mapToDouble(r -> ((Number) r.get(1)).doubleValue()).toArray();
            Double dense = crossing(levels, fractions, passesBelow);
            Double xStar = f.getAs("x_star");
            boolean agrees = dense != null && xStar != null && Math.abs(xStar - dense) <= precision;
            checks.add(new Check(String.join(", ", label), dense, xStar, f.getAs("x_low"), f.getAs("x_high"),
                    f.getAs("status"), agrees, levels, fractions));
        }
        long dense = spark.read().parquet(denseOut + "/runs").count();
        long probes = spark.read().parquet(frontierOut + "/runs").count();
        return new FrontierValidation(parameter, criterion, precision, checks, dense, probes);
    }

    /** Whether every configuration agrees and the frontier spent at most a quarter of the grid's simulations. */
    public boolean passed() {
        return rows.stream().allMatch(Check::agrees) && frontierSimulations <= denseSimulations / 4;
    }

    /** The grid's success fraction against the searched parameter per configuration, with the grid's crossing and x*. */
    public void figure(Path png) {
        SweptAxis searched = new SweptAxis("", parameter, true, List.of());
        XYChart chart = new XYChartBuilder().width(ChartStyle.PANEL_WIDTH + 200).height(ChartStyle.PANEL_HEIGHT)
                .title("Frontier vs dense grid: " + searched.name()).xAxisTitle(searched.title())
                .yAxisTitle("fraction of replicates passing").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        int colour = 0;
        for (Check c : rows) {
            XYSeries grid = chart.addSeries("grid, " + c.configuration(), c.levels(), c.fractions());
            grid.setMarker(SeriesMarkers.CIRCLE);
            grid.setLineColor(ChartStyle.color(colour));
            grid.setMarkerColor(ChartStyle.color(colour));
            if (c.xStar() != null) {
                XYSeries star = chart.addSeries("x* " + String.format("%.3f", c.xStar()) + ", " + c.configuration(),
                        new double[] {c.xStar(), c.xStar()}, new double[] {0, 1});
                star.setMarker(SeriesMarkers.NONE);
                star.setLineStyle(SeriesLines.DASH_DASH);
                star.setLineColor(ChartStyle.color(colour));
                if (c.low() != null && c.high() != null) {
                    XYSeries interval = chart.addSeries("90 % interval, " + c.configuration(),
                            new double[] {c.low(), c.high()}, new double[] {0.5, 0.5});
                    interval.setMarker(SeriesMarkers.NONE);
                    interval.setLineWidth(5f);
                    interval.setLineColor(ChartStyle.color(colour));
                    interval.setShowInLegend(false);
                }
            }
            colour++;
        }
        ChartStyle.save(png, List.of(chart), 1);
    }

    /** A markdown table of the comparison. */
    public String table() {
        StringBuilder sb = new StringBuilder("| configuration | grid crossing | x* | 90 % interval | status | within "
                + precision + " |\n|---|---|---|---|---|---|\n");
        for (Check c : rows) {
            sb.append("| ").append(c.configuration()).append(" | ").append(num(c.denseCrossing())).append(" | ")
                    .append(num(c.xStar())).append(" | [").append(num(c.low())).append(", ").append(num(c.high()))
                    .append("] | ").append(c.status()).append(" | ").append(c.agrees() ? "yes" : "NO").append(" |\n");
        }
        sb.append("\nsimulations: frontier ").append(frontierSimulations).append(", dense grid ").append(denseSimulations)
                .append(String.format(" (%.0f %%)%n", 100.0 * frontierSimulations / denseSimulations));
        return sb.toString();
    }

    private static String num(Double v) {
        return v == null ? "-" : String.format("%.3f", v);
    }
}
