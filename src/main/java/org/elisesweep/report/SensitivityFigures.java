package org.elisesweep.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.elisesweep.spark.SensitivityTable;
import org.elisesweep.sweep.SensitivityAnalysis;
import org.elisesweep.sweep.SensitivitySpec;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The sensitivity indices of a sensitivity sweep ({@link SensitivityTable}), one figure per
 * analysed output with one bar group per parameter: S1 and ST (sobol) or μ* and σ (morris) as
 * bars, each estimate's bootstrap interval drawn next to its bar; for sobol a second panel with
 * ΣS1 and the share of interactions 1 − ΣS1.
 */
final class SensitivityFigures {
    private final SensitivityTable.Analysis analysis;
    private final boolean sobol;

    SensitivityFigures(SensitivityTable.Analysis analysis) {
        this.analysis = analysis;
        this.sobol = analysis.spec().method() == SensitivitySpec.Method.SOBOL;
    }

    /** The page table's header: the columns of {@link #rows}. */
    List<String> header() {
        return sobol ? List.of("output", "parameter", "S1", "S1 interval", "ST", "ST interval", "rows used")
                : List.of("output", "parameter", "μ*", "μ* interval", "σ", "trajectories used");
    }

    /** One row per output and parameter, the table's values with three decimals ("–" for none). */
    List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        for (SensitivityAnalysis.Result r : analysis.results()) {
            String used = r.rowsUsed() + " of " + r.n();
            for (SensitivityAnalysis.Index x : r.indices()) {
                rows.add(sobol ? List.of(r.output(), x.parameter(), cell(x.s1()), interval(x.s1Low(), x.s1High()),
                        cell(x.st()), interval(x.stLow(), x.stHigh()), used)
                        : List.of(r.output(), x.parameter(), cell(x.muStar()), interval(x.muStarLow(), x.muStarHigh()),
                        cell(x.sigma()), used));
            }
        }
        return rows;
    }

    /** Every warning of every output, as sentences. */
    List<String> warnings() {
        return analysis.results().stream().flatMap(r -> r.warnings().stream())
                .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1) + ".").toList();
    }

    /** One figure per output, written to {@code dir}. */
    List<Figure> write(Path dir) {
        List<Figure> figures = new ArrayList<>();
        for (SensitivityAnalysis.Result r : analysis.results()) {
            List<Chart<?, ?>> panels = new ArrayList<>();
            panels.add(indices(r));
            if (sobol) {
                panels.add(shares(r));
            }
            String file = "sensitivity-" + r.output() + ".png";
            ChartStyle.save(dir.resolve(file), panels, panels.size());
            figures.add(new Figure(file, (sobol ? "Sobol indices of " : "Morris screening of ") + r.output(), caption(r)));
        }
        return figures;
    }

    /** Bars of the two indices per parameter, each followed by its interval (a bar spans low … high). */
    CategoryChart indices(SensitivityAnalysis.Result r) {
        List<String> parameters = r.indices().stream().map(SensitivityAnalysis.Index::parameter).toList();
        // room for every parameter's path under its group: XChart leaves out tick labels that would overlap
        CategoryChart chart = new CategoryChartBuilder().width(Math.max(ChartStyle.PANEL_WIDTH, 240 * parameters.size()))
                .height(ChartStyle.PANEL_HEIGHT)
                .title((sobol ? "S1 and ST of " : "μ* and σ of ") + r.output()).xAxisTitle("parameter")
                .yAxisTitle(sobol ? "share of the output's variance" : "elementary effect (output units per range)")
                .build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setYAxisDecimalPattern("0.##");
        List<SensitivityAnalysis.Index> x = r.indices();
        if (sobol) {
            bar(chart, "S1", parameters, x.stream().map(i -> i.s1()).toList());
            range(chart, "S1 " + level() + " interval", parameters, x.stream().map(i -> i.s1Low()).toList(),
                    x.stream().map(i -> i.s1High()).toList());
            bar(chart, "ST", parameters, x.stream().map(i -> i.st()).toList());
            range(chart, "ST " + level() + " interval", parameters, x.stream().map(i -> i.stLow()).toList(),
                    x.stream().map(i -> i.stHigh()).toList());
        } else {
            bar(chart, "μ*", parameters, x.stream().map(i -> i.muStar()).toList());
            range(chart, "μ* " + level() + " interval", parameters, x.stream().map(i -> i.muStarLow()).toList(),
                    x.stream().map(i -> i.muStarHigh()).toList());
            bar(chart, "σ", parameters, x.stream().map(i -> i.sigma()).toList());
        }
        return chart;
    }

    /** ΣS1 and 1 − ΣS1: how much of the variance the parameters explain alone, how much through interactions. */
    private CategoryChart shares(SensitivityAnalysis.Result r) {
        CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.PANEL_WIDTH / 2 + 80)
                .height(ChartStyle.PANEL_HEIGHT).title("Alone and in interactions").xAxisTitle(r.output())
                .yAxisTitle("share of the variance").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setLegendVisible(false);   // the caption gives both values
        chart.getStyler().setSeriesColors(new java.awt.Color[] {ChartStyle.color(2)});
        bar(chart, "share", List.of("ΣS1", "1 − ΣS1"), List.of(r.sumS1(), r.interactions()));
        return chart;
    }

    /** A bar series; an index that is not defined (NaN) gets no bar. */
    private static void bar(CategoryChart chart, String name, List<String> categories, List<Double> values) {
        chart.addSeries(name, categories, values.stream().map(v -> Double.isFinite(v) ? v : 0.0).toList());
    }

    /**
     * An interval as a bar slot of its own: XChart's error bars are symmetric, the bootstrap
     * interval is not, so a marker-less series at the interval's middle with half its width as
     * error bar draws exactly low … high.
     */
    private static void range(CategoryChart chart, String name, List<String> categories, List<Double> low,
                              List<Double> high) {
        List<Double> middle = new ArrayList<>();
        List<Double> half = new ArrayList<>();
        for (int k = 0; k < categories.size(); k++) {
            boolean defined = Double.isFinite(low.get(k)) && Double.isFinite(high.get(k));
            middle.add(defined ? (low.get(k) + high.get(k)) / 2 : 0.0);
            half.add(defined ? (high.get(k) - low.get(k)) / 2 : 0.0);
        }
        CategorySeries s = chart.addSeries(name, categories, middle, half);
        s.setChartCategorySeriesRenderStyle(CategorySeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.NONE);
    }

    private String caption(SensitivityAnalysis.Result r) {
        String used = r.rowsUsed() + " of " + r.n() + (sobol ? " Saltelli rows" : " Morris trajectories") + " used"
                + (r.rowsDropped() > 0 ? " (" + r.rowsDropped() + " dropped for failed points: the indices are"
                + " conditional on success)" : "");
        String intervals = level() + " percentile bootstrap intervals over " + analysis.spec().bootstrap() + " resamples";
        return sobol ? "First-order index S1 (the parameter alone) and total index ST (with all its interactions) of "
                + r.output() + " for each parameter, each bar followed by its " + intervals + "; " + used + ". Right: ΣS1 = "
                + cell(r.sumS1()) + " and 1 − ΣS1 = " + cell(r.interactions()) + ", the share of the variance due to"
                + " interactions. docs/sensitivity.md."
                : "Morris screening of " + r.output() + ": μ* (mean |elementary effect|, importance) with its " + intervals
                + ", and σ (their standard deviation: non-linearity or interactions); " + used + ". docs/sensitivity.md.";
    }

    private String level() {
        return Math.round(analysis.spec().confidence() * 100) + " %";
    }

    private static String cell(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "–";
    }

    private static String interval(double low, double high) {
        return Double.isFinite(low) && Double.isFinite(high) ? "[" + cell(low) + ", " + cell(high) + "]" : "–";
    }
}
