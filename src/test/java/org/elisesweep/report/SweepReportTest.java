package org.elisesweep.report;

import static org.elisesweep.report.PngAssertions.distinctColours;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.commons.text.StringEscapeUtils;
import org.elisesweep.spark.AnalyticsTables;
import org.elisesweep.spark.NotASweepOutputException;
import org.elisesweep.spark.SharedSpark;
import org.elisesweep.spark.SweepTables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of the analytics fixture sweep (model.n-lat {30, 40} × model.mode {elise, reservoir}
 * × noise.membrane.dendrite-sigma {0, 2}, 2 replicates, 3 disturbance scenarios), generated once.
 */
class SweepReportTest {
    private static final Pattern IMG = Pattern.compile("<img src=\"data:image/png;base64,([^\"]+)\" alt=\"([^\"]*)\">");

    @TempDir
    static Path dir;
    private static SweepReport.Result report;
    private static String html;

    @BeforeAll
    static void generate() throws Exception {
        report = SweepReport.write(SharedSpark.get(), new SweepReport.Options(AnalyticsTables.output().toString(),
                null, dir.resolve("report"), true, false));
        html = Files.readString(report.html());
    }

    private static SweptAxes axes() throws Exception {
        return SweptAxes.of(SweepTables.open(SharedSpark.get(), AnalyticsTables.output().toString(), null).runs());
    }

    @Test
    void sweptAxesAreThoseOfTheSweepFileAndNothingElse() throws Exception {
        SweptAxes axes = axes();
        // in the runs table's column order, which is the parameters' path order
        assertEquals(List.of("model.mode", "model.n-lat", "noise.membrane.dendrite-sigma"),
                axes.all().stream().map(SweptAxis::path).toList());
        SweptAxis mode = axes.all().get(0);
        SweptAxis nLat = axes.all().get(1);
        SweptAxis sigma = axes.all().get(2);
        assertEquals(List.of(30.0, 40.0), nLat.values());
        assertEquals(List.of("elise", "reservoir"), mode.values());
        assertEquals(List.of(0.0, 2.0), sigma.values());
        assertTrue(nLat.numeric() && sigma.numeric() && !mode.numeric());
        assertTrue(axes.grid(nLat, sigma), "a cartesian product is a grid");
        assertFalse(axes.oneToOne(nLat, sigma));
        assertEquals(mode, axes.groupFor(nLat, AxisFigures.MAX_GROUPS), "lines split by the categorical axis");
        assertEquals(nLat, axes.groupFor(mode, AxisFigures.MAX_GROUPS), "then by the fewest values, first in order");
    }

    @Test
    void everyExpectedFigureIsEmbeddedOnceAsAValidNonBlankPngAndWrittenAsAFile() throws Exception {
        List<String> expected = List.of("status.png", "replay-vs-model_mode.png", "replay-vs-model_n_lat.png",
                "replay-vs-noise_membrane_dendrite_sigma.png", "heatmap-model_n_lat-noise_membrane_dendrite_sigma.png",
                "learning-curves.png", "robustness-sumcorr.png", "robustness-recovered.png", "replay-cycles.png",
                "replay-best.png", "replay-worst.png");
        assertEquals(expected, report.figures().stream().map(Figure::file).toList());

        List<byte[]> embedded = new ArrayList<>();
        List<String> alts = new ArrayList<>();
        Matcher m = IMG.matcher(html);
        while (m.find()) {
            embedded.add(Base64.getDecoder().decode(m.group(1)));
            alts.add(StringEscapeUtils.unescapeHtml4(m.group(2)));
        }
        assertEquals(expected.size(), embedded.size(), "one <img> per figure");
        assertEquals(expected.size(), html.split("<img ", -1).length - 1, "no other <img>");
        for (int k = 0; k < expected.size(); k++) {
            Figure f = report.figures().get(k);
            assertEquals(f.title(), alts.get(k));
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(embedded.get(k)));
            assertNotNull(img, f.file() + " is not a decodable PNG");
            assertTrue(img.getWidth() >= 600 && img.getHeight() >= 400, f.file() + " is " + img.getWidth() + "×"
                    + img.getHeight());
            assertTrue(distinctColours(img) > 30, f.file() + " looks blank: " + distinctColours(img) + " colours");
            assertArrayEquals(Files.readAllBytes(report.figure(f)), embedded.get(k), f.file() + " differs from its file");
        }
        try (var files = Files.list(report.html().resolveSibling("figures"))) {
            assertEquals(expected.size(), files.count(), "figures/ holds exactly the page's figures");
        }
    }

    @Test
    void titlesNameTheSweptAxesAndWhatSplitsThem() {
        List<String> titles = report.figures().stream().map(Figure::title).toList();
        assertTrue(titles.contains("Replay quality vs model.n-lat, by model.mode"), titles.toString());
        assertTrue(titles.contains("Replay quality vs model.mode, by model.n-lat"), titles.toString());
        assertTrue(titles.contains("Replay quality vs noise.membrane.dendrite-sigma, by model.mode"), titles.toString());
        assertTrue(titles.contains("Replay quality over the grid model.n-lat × noise.membrane.dendrite-sigma"),
                titles.toString());
        assertTrue(titles.contains("Learning curves by model.mode, model.n-lat, noise.membrane.dendrite-sigma"),
                titles.toString());
        for (String t : titles) {
            assertTrue(html.contains(StringEscapeUtils.escapeHtml4(t)), "title missing from the page: " + t);
        }
        // what a line or bar averages over is said in the caption
        Figure nLat = report.figures().get(2);
        assertTrue(nLat.caption().contains("every value of noise.membrane.dendrite-sigma (4 runs per mark)"),
                nLat.caption());
    }

    @Test
    void aSweepWithoutASensitivityTableHasNoSensitivitySection() {
        assertFalse(html.contains("<h2>Sensitivity</h2>"), "the analytics sweep has no sensitivity table");
    }

    @Test
    void statusTableCountsEveryRun() {
        assertTrue(html.contains("<tr><td>OK</td><td class=\"num\">16</td></tr>"), "16 OK runs");
        assertTrue(html.contains("<tr><td>DIVERGED</td><td class=\"num\">0</td></tr>"));
        assertTrue(html.contains("16 simulations committed"));
        assertTrue(html.contains("8 points"));
    }

    @Test
    void robustnessTableHasEveryScenarioForEachMode() {
        for (String scenario : List.of("latent-half", "silence-cycle", "tonic-cycle")) {
            for (String mode : List.of("elise", "reservoir")) {
                assertTrue(html.contains("<tr><td>" + scenario + "</td><td>mode = " + mode + "</td><td class=\"num\">8</td>"),
                        scenario + " / " + mode + " with 8 runs");
            }
        }
    }

    @Test
    void bestPointIsElisesAndWorstTheReservoirsAndBothRerunsReproduceTheTable() {
        Figure best = report.figures().get(report.figures().size() - 2);
        Figure worst = report.figures().get(report.figures().size() - 1);
        assertTrue(best.title().startsWith("Target versus replay, best point:"), best.title());
        assertTrue(best.title().contains("model.mode = elise"), best.title());
        assertTrue(worst.title().contains("model.mode = reservoir"), worst.title());
        for (Figure f : List.of(best, worst)) {
            assertTrue(f.caption().contains("The rerun reproduces the table's replay Σcorr exactly."), f.caption());
        }
        assertFalse(html.contains("class=\"warning\""), "no warnings in the page");
    }

    @Test
    void withoutResimulationTheReplayFiguresAreLeftOutAndSaidSo() throws Exception {
        SweepReport.Result r = SweepReport.write(SharedSpark.get(), new SweepReport.Options(
                AnalyticsTables.output().toString(), "analytics", dir.resolve("quick"), false, false));
        assertEquals(report.figures().size() - 2, r.figures().size());
        assertTrue(Files.readString(r.html()).contains("made without rerunning simulations"));
    }

    @Test
    void aDirectoryWithoutRunsTableIsRejectedNamingItAndWhatIsExpected(@TempDir Path empty) {
        NotASweepOutputException e = assertThrows(NotASweepOutputException.class, () -> SweepReport.write(
                SharedSpark.get(), new SweepReport.Options(empty.toString(), null, empty.resolve("report"), false, false)));
        assertTrue(e.getMessage().startsWith(empty + " is not a sweep's output directory"), e.getMessage());
        assertTrue(e.getMessage().contains("runs/sweep=<name>/part-*.parquet"), e.getMessage());

        NotASweepOutputException other = assertThrows(NotASweepOutputException.class, () -> SweepReport.write(
                SharedSpark.get(), new SweepReport.Options(AnalyticsTables.output().toString(), "quickstart",
                        empty.resolve("report"), false, false)));
        assertTrue(other.getMessage().contains("no results of sweep 'quickstart'; it holds analytics"),
                other.getMessage());
    }

    @Test
    void everyTextIsEscaped() {
        ReportPage page = new ReportPage("<script>alert(1)</script> & co");
        page.paragraph("a < b").table(List.of("<th>"), List.of(List.of("\"quoted\"")))
                .figure(new Figure("x.png", "t<i>", "c&d"), new byte[] {1});
        String out = page.render();
        assertFalse(out.contains("<script>"), out);
        assertTrue(out.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</title>"), out);
        assertTrue(out.contains("a &lt; b") && out.contains("&lt;th&gt;") && out.contains("&quot;quoted&quot;"));
        assertTrue(out.contains("alt=\"t&lt;i&gt;\"") && out.contains("c&amp;d"));
    }
}
