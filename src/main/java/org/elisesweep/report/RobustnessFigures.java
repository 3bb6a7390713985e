package org.elisesweep.report;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.elisesweep.model.Clamp;
import org.elisesweep.model.Robustness;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * How the trained networks cope with each disturbance scenario (the {@code robustness} and
 * {@code replay} tables): Σcorr before, during and after the clamp; the fraction of runs that
 * recovered; the replay Σcorr of every replay cycle per scenario; a table of recovery cycles and
 * phase jumps. Everything is split by one few-valued swept axis when there is one (e.g.
 * model.mode: ELiSe and the reservoir baseline behave too differently to pool).
 */
final class RobustnessFigures {
    /** Panels per row of a split figure. */
    private static final int COLUMNS = 2;

    private final Dataset<Row> runs;
    private final Dataset<Row> robustness;
    private final Dataset<Row> replay;
    private final SweptAxis group;
    private final int nVis;

    RobustnessFigures(Dataset<Row> runs, Dataset<Row> robustness, Dataset<Row> replay, SweptAxes axes, int nVis) {
        this.group = axes.groupFor(null, AxisFigures.MAX_GROUPS);
        List<Column> keep = new ArrayList<>(List.of(col("point_id"), col("replicate")));
        if (group != null) {
            keep.add(col(group.column()).as("group"));
        } else {
            keep.add(lit("all runs").as("group"));
        }
        this.runs = runs.select(keep.toArray(Column[]::new));
        this.robustness = robustness;
        this.replay = replay;
        this.nVis = nVis;
    }

    /**
     * One scenario in one group: runs, recovered fraction, mean recovery cycles (of the recovered
     * runs), mean |phase jump|, Σcorr before/during/after.
     */
    record ScenarioRow(String scenario, String group, long runs, double recoveredFraction, double meanRecoveryCycles,
                       double meanAbsPhaseJumpMs, Stats before, Stats during, Stats after) {
    }

    /** The axis the rows and panels are split by, or null. */
    SweptAxis group() {
        return group;
    }

    /** Detail rows are joined to {@code runs}: a batch that died mid-commit may have left detail rows only. */
    private Dataset<Row> joined(Dataset<Row> detail) {
        return detail.join(runs, new String[] {"point_id", "replicate"});
    }

    /** The legend or panel text of a group value. */
    private String groupName(Object cell) {
        return group == null ? String.valueOf(cell) : AxisFigures.seriesName(group, group.valueOf(cell));
    }

    /** The table's rows, by group, then scenario. */
    List<ScenarioRow> table() {
        List<Column> aggs = new ArrayList<>(List.of(count(lit(1)).as("runs"),
                avg(when(col("recovered"), 1.0).otherwise(0.0)).as("recovered"),
                avg(col("recovery_cycles")).as("recovery"), avg(abs(col("phase_jump_ms"))).as("jump")));
        for (String phase : List.of("before", "during", "after")) {
            aggs.addAll(List.of(Stats.of("sumcorr_" + phase)));
        }
        List<ScenarioRow> out = new ArrayList<>();
        for (Row r : joined(robustness).groupBy("group", "scenario").agg(aggs.get(0), aggs.subList(1, aggs.size())
                .toArray(Column[]::new)).orderBy("group", "scenario").collectAsList()) {
            Double recovery = r.getAs("recovery");
            out.add(new ScenarioRow(r.getAs("scenario"), groupName(r.getAs("group")), r.<Long>getAs("runs"),
                    r.<Double>getAs("recovered"), recovery == null ? Double.NaN : recovery, r.<Double>getAs("jump"),
                    Stats.read(r, "sumcorr_before"), Stats.read(r, "sumcorr_during"), Stats.read(r, "sumcorr_after")));
        }
        return out;
    }

    /** The figures; none when no run has a disturbance scenario. */
    List<Figure> write(Path dir, List<ScenarioRow> table) {
        if (table.isEmpty()) {
            return List.of();
        }
        List<Figure> figures = new ArrayList<>();
        figures.add(beforeDuringAfter(dir, table));
        figures.add(recovered(dir, table));
        Figure cycles = perCycle(dir);
        if (cycles != null) {
            figures.add(cycles);
        }
        return figures;
    }

    private String by() {
        return group == null ? "" : ", by " + group.path();
    }

    private String split() {
        return group == null ? "" : " One panel per value of " + group.path() + ".";
    }

    private Figure beforeDuringAfter(Path dir, List<ScenarioRow> table) {
        Map<String, List<ScenarioRow>> byGroup = new LinkedHashMap<>();
        table.forEach(t -> byGroup.computeIfAbsent(t.group(), g -> new ArrayList<>()).add(t));
        List<Chart<?, ?>> panels = new ArrayList<>();
        for (Map.Entry<String, List<ScenarioRow>> e : byGroup.entrySet()) {
            List<ScenarioRow> rows = e.getValue();
            CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.PANEL_WIDTH).height(ChartStyle.PANEL_HEIGHT)
                    .title("Σcorr around the disturbance" + (group == null ? "" : ": " + e.getKey()))
                    .xAxisTitle("disturbance scenario").yAxisTitle(Metric.replaySumCorr(nVis).axisTitle()).build();
            ChartStyle.apply(chart.getStyler());
            chart.getStyler().setYAxisMin(0.0);
            chart.getStyler().setYAxisMax((double) nVis);
            List<String> scenarios = rows.stream().map(ScenarioRow::scenario).toList();
            Map<String, Function<ScenarioRow, Stats>> phases = new LinkedHashMap<>();
            phases.put("before", ScenarioRow::before);
            phases.put("during", ScenarioRow::during);
            phases.put("after", ScenarioRow::after);
            phases.forEach((name, phase) -> chart.addSeries(name, scenarios,
                    rows.stream().map(t -> phase.apply(t).mean()).toList(),
                    rows.stream().map(t -> phase.apply(t).sd()).toList()));
            panels.add(chart);
        }
        return save(dir, "robustness-sumcorr.png", panels, "Replay Σcorr before, during and after each disturbance" + by(),
                "Mean ± SD over the runs that have the scenario. \"Before\" is the undisturbed replay's Σcorr in the "
                + "cycle before the clamp, \"during\" the clamped cycle's, \"after\" the mean over the scored cycles "
                + "after it." + split());
    }

    private Figure recovered(Path dir, List<ScenarioRow> table) {
        List<String> scenarios = table.stream().map(ScenarioRow::scenario).distinct().sorted().toList();
        Map<String, Map<String, Double>> byGroup = new LinkedHashMap<>();
        table.forEach(t -> byGroup.computeIfAbsent(t.group(), g -> new LinkedHashMap<>())
                .put(t.scenario(), t.recoveredFraction()));
        // all-zero bars draw nothing, so the title says it
        boolean none = table.stream().allMatch(t -> t.recoveredFraction() == 0);
        CategoryChart chart = new CategoryChartBuilder().width(2 * ChartStyle.PANEL_WIDTH).height(ChartStyle.PANEL_HEIGHT)
                .title("Fraction of runs that recovered" + by() + (none ? ": none recovered" : ""))
                .xAxisTitle("disturbance scenario")
                .yAxisTitle("fraction recovered (0 … 1)").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setLabelsVisible(true);   // the fraction on each bar, so that a 0 is seen as one
        chart.getStyler().setDecimalPattern("0.00");
        for (Map.Entry<String, Map<String, Double>> e : byGroup.entrySet()) {
            chart.addSeries(e.getKey(), scenarios, scenarios.stream().map(s -> e.getValue().getOrDefault(s, 0.0)).toList());
        }
        String file = "robustness-recovered.png";
        ChartStyle.save(dir.resolve(file), List.of(chart), 1);
        return new Figure(file, "Fraction of runs that recovered from each disturbance" + by(),
                "A run has recovered when, from some cycle after the clamp on, its replay Σcorr stays at ≥ "
                + Math.round(100 * Robustness.RECOVERED_FRACTION) + " % of its value before the clamp for "
                + Robustness.RECOVERED_FOR + " cycles (docs/model.md §7)"
                + (group == null ? "" : "; one bar colour per value of " + group.path()) + ".");
    }

    /** Mean replay Σcorr of each replay cycle, one line per scenario, the undisturbed replay first (in black). */
    private Figure perCycle(Path dir) {
        List<Row> rows = joined(replay).groupBy("group", "scenario", "cycle").agg(avg(col("sumcorr")))
                .orderBy(col("group"), when(col("scenario").equalTo(Clamp.UNDISTURBED), 0).otherwise(1),
                        col("scenario"), col("cycle"))
                .collectAsList();
        if (rows.isEmpty()) {
            return null;
        }
        Map<String, Map<String, List<double[]>>> byGroup = new LinkedHashMap<>();
        for (Row r : rows) {
            byGroup.computeIfAbsent(groupName(r.get(0)), g -> new LinkedHashMap<>())
                    .computeIfAbsent(r.getString(1), s -> new ArrayList<>()).add(new double[] {r.getInt(2), r.getDouble(3)});
        }
        List<Chart<?, ?>> panels = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<double[]>>> g : byGroup.entrySet()) {
            XYChart chart = new XYChartBuilder().width(ChartStyle.PANEL_WIDTH).height(ChartStyle.PANEL_HEIGHT)
                    .title("Σcorr per replay cycle" + (group == null ? "" : ": " + g.getKey()))
                    .xAxisTitle("replay cycle").yAxisTitle(Metric.replaySumCorr(nVis).axisTitle()).build();
            ChartStyle.apply(chart.getStyler());
            chart.getStyler().setXAxisDecimalPattern("0");
            chart.getStyler().setYAxisMin(0.0);
            chart.getStyler().setYAxisMax((double) nVis);
            int colour = 0;
            for (Map.Entry<String, List<double[]>> e : g.getValue().entrySet()) {
                boolean reference = e.getKey().equals(Clamp.UNDISTURBED);
                Color c = reference ? Color.BLACK : ChartStyle.color(colour++);
                XYSeries s = chart.addSeries(reference ? "undisturbed" : e.getKey(),
                        e.getValue().stream().mapToDouble(p -> p[0]).toArray(),
                        e.getValue().stream().mapToDouble(p -> p[1]).toArray());
                s.setMarker(SeriesMarkers.CIRCLE);
                s.setLineColor(c);
                s.setMarkerColor(c);
            }
            panels.add(chart);
        }
        return save(dir, "replay-cycles.png", panels, "Replay Σcorr of each replay cycle, per scenario" + by(),
                "Mean over the runs of the shift-invariant Σcorr of each scored replay cycle (the first cycles realign "
                + "with the teacher and are not scored); each clamp acts in one cycle (the paper's cases: cycle 4), "
                + "the undisturbed replay (black) is the reference." + split());
    }

    /** Writes one panel per group, {@value #COLUMNS} to a row. */
    private static Figure save(Path dir, String file, List<Chart<?, ?>> panels, String title, String caption) {
        ChartStyle.save(dir.resolve(file), panels, Math.min(COLUMNS, panels.size()));
        return new Figure(file, title, caption);
    }

    /** A table cell for a number, "–" when undefined. */
    static String cell(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "–";
    }
}
