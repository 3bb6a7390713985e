package org.elisesweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.text.StringEscapeUtils;
import org.apache.spark.sql.Row;
import org.elisesweep.spark.AnalyticsTables;
import org.elisesweep.spark.SensitivityTable;
import org.elisesweep.spark.SharedSpark;
import org.elisesweep.sweep.SensitivityAnalysis;
import org.junit.jupiter.api.BeforeAll;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a real (tiny) Sobol sensitivity sweep, {@link AnalyticsTables#sensitivityOutput()}:
 * its Sensitivity section shows what the sweep's {@code sensitivity} table holds. The report of a
 * sweep without one has no such section ({@link SweepReportTest} checks the analytics sweep's page).
 */
class SensitivityReportTest {
    /** The Sobol sweep of the fixture directory (which also holds a Morris one). */
    private static final String SWEEP = "sensitivity-fixture";
    private static final List<String> PARAMETERS = List.of("model.lambda", "noise.membrane.dendrite-sigma", "model.g-den");
    private static final List<String> OUTPUTS = List.of("final_mse", "replay_mean_sumcorr");
    @TempDir
    static Path dir;
    private static SweepReport.Result report;
    private static String html;
    private static List<Row> table;

    @BeforeAll
    static void generate() throws Exception {
        Path out = AnalyticsTables.sensitivityOutput();
        report = SweepReport.write(SharedSpark.get(), new SweepReport.Options(out.toString(), SWEEP,
                dir.resolve("report"), false, false));
        html = Files.readString(report.html());
        table = SharedSpark.get().read().parquet(out.resolve("sensitivity").toString()).where("sweep = '" + SWEEP + "'")
                .collectAsList();
    }

    @Test
    void theSectionHasOneFigurePerOutput() {
        assertTrue(html.contains("<h2>Sensitivity</h2>"), "no Sensitivity section");
        assertEquals(OUTPUTS.stream().map(o -> "sensitivity-" + o + ".png").toList(), report.figures().stream()
                .map(Figure::file).filter(f -> f.startsWith("sensitivity-")).toList());
    }

    @Test
    void thePageTableHoldsTheTablesValues() {
        assertEquals(OUTPUTS.size() * PARAMETERS.size(), table.size());
        for (Row r : table) {
            String row = "<tr><td>" + r.getAs("output") + "</td><td>" + r.getAs("parameter") + "</td><td class=\"num\">"
                    + f(r.getAs("s1")) + "</td><td>[" + f(r.getAs("s1_low")) + ", " + f(r.getAs("s1_high"))
                    + "]</td><td class=\"num\">" + f(r.getAs("st")) + "</td><td>[" + f(r.getAs("st_low")) + ", "
                    + f(r.getAs("st_high")) + "]</td><td>" + r.getAs("rows_used") + " of " + r.getAs("n") + "</td></tr>";
            assertTrue(html.contains(row), "missing row " + row);
        }
    }

    @Test
    void theCaptionGivesTheSumOfS1AndTheInteractions() {
        for (String output : OUTPUTS) {
            double sum = table.stream().filter(r -> output.equals(r.getAs("output")))
                    .mapToDouble(r -> r.<Double>getAs("s1")).sum();
            Figure fig = report.figures().stream().filter(x -> x.file().equals("sensitivity-" + output + ".png"))
                    .findFirst().orElseThrow();
            assertTrue(fig.caption().contains("ΣS1 = " + f(sum) + " and 1 − ΣS1 = " + f(1 - sum)), fig.caption());
        }
    }

    @Test
    void everyIntervalWiderThanMaxWidthIsWarnedAbout() {
        int wide = 0;
        for (Row r : table) {
            for (String index : List.of("s1", "st")) {
                double width = r.<Double>getAs(index + "_high") - r.<Double>getAs(index + "_low");
                String sentence = r.getAs("output") + ": the 95.0% interval of " + index.toUpperCase(Locale.ROOT) + " of "
                        + r.getAs("parameter") + " is ";
                String warning = "<p class=\"warning\">" + StringEscapeUtils.escapeHtml4(
                        Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1));
                assertEquals(width > 0.1, html.contains(warning), warning + " for width " + width);
                wide += width > 0.1 ? 1 : 0;
            }
        }
        assertTrue(wide > 0, "at N = 8 some interval is wider than the default max-width 0.1");
    }

    @Test
    void theChartHasOneBarGroupPerParameterWhoseIntervalsSpanTheTablesBounds() throws Exception {
        SensitivityTable.Analysis analysis = SensitivityTable.read(SharedSpark.get(),
                AnalyticsTables.sensitivityOutput().toString(), SWEEP).orElseThrow();
        for (SensitivityAnalysis.Result result : analysis.results()) {
            CategoryChart chart = new SensitivityFigures(analysis).indices(result);
            assertEquals(List.of("S1", "S1 95 % interval", "ST", "ST 95 % interval"),
                    List.copyOf(chart.getSeriesMap().keySet()));
            for (CategorySeries s : chart.getSeriesMap().values()) {
                assertEquals(PARAMETERS, List.copyOf(s.getXData()), s.getName() + ": one group per parameter");
            }
            for (String index : List.of("s1", "st")) {
                CategorySeries interval = chart.getSeriesMap().get(index.toUpperCase(Locale.ROOT) + " 95 % interval");
                List<? extends Number> middle = List.copyOf(interval.getYData());
                List<? extends Number> half = List.copyOf(interval.getExtraValues());
                for (int k = 0; k < PARAMETERS.size(); k++) {
                    Row r = row(result.output(), PARAMETERS.get(k));
                    String what = result.output() + " " + index + " " + PARAMETERS.get(k);
                    assertEquals(r.<Double>getAs(index + "_low"), middle.get(k).doubleValue() - half.get(k).doubleValue(), 1e-12, what);
                    assertEquals(r.<Double>getAs(index + "_high"), middle.get(k).doubleValue() + half.get(k).doubleValue(), 1e-12, what);
                }
            }
        }
        for (String output : OUTPUTS) {
            BufferedImage img = PngAssertions.read(dir.resolve("report/figures/sensitivity-" + output + ".png"));
            assertTrue(PngAssertions.distinctColours(img) > 30, output + ": the PNG looks blank");
        }
    }

    @Test
    void aMorrisSweepShowsMuStarWithItsIntervalAndSigma() throws Exception {
        String morris = "sensitivity-morris-fixture";
        Path out = AnalyticsTables.sensitivityOutput();
        SweepReport.Result result = SweepReport.write(SharedSpark.get(), new SweepReport.Options(out.toString(), morris,
                dir.resolve("morris"), false, false));
        String page = Files.readString(result.html());
        List<Row> rows = SharedSpark.get().read().parquet(out.resolve("sensitivity").toString())
                .where("sweep = '" + morris + "'").collectAsList();
        assertEquals(OUTPUTS.size() * PARAMETERS.size(), rows.size());
        for (Row r : rows) {
            assertEquals("morris", r.getAs("method"));
            String row = "<tr><td>" + r.getAs("output") + "</td><td>" + r.getAs("parameter") + "</td><td class=\"num\">"
                    + f(r.getAs("mu_star")) + "</td><td>[" + f(r.getAs("mu_star_low")) + ", " + f(r.getAs("mu_star_high"))
                    + "]</td><td class=\"num\">" + f(r.getAs("sigma")) + "</td><td>" + r.getAs("rows_used") + " of "
                    + r.getAs("n") + "</td></tr>";
            assertTrue(page.contains(row), "missing row " + row);
        }
        assertEquals(OUTPUTS.stream().map(o -> "Morris screening of " + o).toList(), result.figures().stream()
                .map(Figure::title).filter(t -> t.startsWith("Morris")).toList());
        SensitivityTable.Analysis analysis = SensitivityTable.read(SharedSpark.get(), out.toString(), morris).orElseThrow();
        for (SensitivityAnalysis.Result r : analysis.results()) {
            BufferedImage img = PngAssertions.read(dir.resolve("morris/figures/sensitivity-" + r.output() + ".png"));
            CategoryChart chart = new SensitivityFigures(analysis).indices(r);
            assertEquals(List.of("μ*", "μ* 95 % interval", "σ"), List.copyOf(chart.getSeriesMap().keySet()));
            assertEquals(chart.getWidth(), img.getWidth(), "one panel: no ΣS1 for morris");
        }
    }

    private static Row row(String output, String parameter) {
        return table.stream().filter(r -> output.equals(r.getAs("output")) && parameter.equals(r.getAs("parameter")))
                .findFirst().orElseThrow();
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
