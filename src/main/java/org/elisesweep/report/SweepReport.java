package org.elisesweep.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.max;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.elisesweep.model.Status;
import org.elisesweep.spark.NotASweepOutputException;
import org.elisesweep.spark.RunParameters;
import org.elisesweep.spark.SensitivityTable;
import org.elisesweep.spark.SweepTables;

/**
 * The HTML report of a sweep's output directory: status counts, replay quality against every
 * swept parameter (and heat maps over grids of two), learning curves, robustness per disturbance
 * scenario, the sensitivity indices of a sensitivity sweep, and target versus replay for the best
 * and the worst point. Aggregates with Spark SQL,
 * plots with XChart; writes {@code index.html} (figures embedded, self-contained) and the same
 * figures as PNG files under {@code figures/}.
 */
public final class SweepReport {
    /**
     * @param outputRoot the sweep's output directory (a path or Hadoop URI), as given to the sweep
     * @param sweep      which sweep of that directory; null when it holds only one
     * @param reportDir  where to write index.html and figures/; null for {@code <outputRoot>/report} (local roots only)
     * @param resimulate rerun the best and the worst point for the target-versus-replay figures
     * @param progress   draw a progress bar while rerunning
     */
    public record Options(String outputRoot, String sweep, Path reportDir, boolean resimulate, boolean progress) {
    }

    /** What was written: the page and its figures, in page order. */
    public record Result(Path html, List<Figure> figures) {
        public Path figure(Figure f) {
            return html.resolveSibling(FIGURES).resolve(f.file());
        }
    }

    static final String FIGURES = "figures";

    private SweepReport() {
    }

    /**
     * Writes the report.
     *
     * @throws NotASweepOutputException see {@link SweepTables#open}
     */
    public static Result write(SparkSession spark, Options options) throws IOException, NotASweepOutputException {
        // 1. which sweep, and where the report goes
        // only the simulations of the current sweep file: rows of an edited file's old points are left out
        SweepTables tables = SweepTables.open(spark, options.outputRoot(), options.sweep()).currentSweepFile();
        String sweep = tables.sweep();
        long excluded = tables.excludedSimulations();
        Path dir = options.reportDir() != null ? options.reportDir() : defaultDir(options.outputRoot());
        Path figures = dir.resolve(FIGURES);
        Files.createDirectories(figures);
        deleteOldFigures(figures);

        // 2. what varied, and the page's sections, each aggregated by Spark and drawn by XChart
        Dataset<Row> runs = tables.runs().cache();
        try {
            SweptAxes axes = SweptAxes.of(runs);
            Row overview = runs.agg(countDistinct(col("point_id")), max(col("replicate")), max(col("n_vis"))).first();
            int nVis = overview.isNullAt(2) ? 0 : overview.getInt(2);
            ReportPage page = new ReportPage("Sweep report: " + sweep);
            List<Figure> written = new ArrayList<>();
            page.paragraph(String.format("Output directory %s: %d points × up to %d replicates, %d simulations "
                    + "committed. Generated %s.", options.outputRoot(), overview.getLong(0), overview.getInt(1) + 1,
                    runs.count(), Instant.now().truncatedTo(ChronoUnit.SECONDS)));
            if (excluded > 0) {
                page.paragraph(String.format("Left out: %d simulations of points that are not in the current sweep "
                        + "file (rows of an earlier version of it); `elise verify %s --sweep %s --prune-stale` removes "
                        + "them from the tables.", excluded, options.outputRoot(), sweep));
            }
            parameters(page, runs, axes);
            frontier(page, written, figures, FrontierFigures.read(spark, options.outputRoot(), sweep));

            Map<Status, Long> counts = StatusFigure.counts(runs);
            page.section("Status");
            page.table(List.of("status", "simulations"), counts.entrySet().stream()
                    .map(e -> List.of(e.getKey().name(), e.getValue().toString())).toList());
            add(page, written, figures, StatusFigure.write(figures, counts));

            page.section("Replay quality against the swept parameters");
            if (axes.isEmpty()) {
                page.paragraph("Nothing varies in this sweep (one point), so there is nothing to plot against.");
            } else if (runs.filter(col(Metric.replaySumCorr(nVis).column()).isNotNull()).isEmpty()) {
                page.paragraph("No run has a replay score (every simulation failed before or during replay).");
            } else {
                new AxisFigures(runs, axes, nVis).write(figures).forEach(f -> add(page, written, figures, f));
                new HeatmapFigures(runs, axes, nVis).write(figures).forEach(f -> add(page, written, figures, f));
            }

            capacity(page, written, figures, CapacityFigures.of(runs));

            page.section("Learning curves");
            Figure curves = new LearningCurveFigure(runs, tables.curves(), axes, nVis).write(figures);
            if (curves == null) {
                page.paragraph("No run with status OK has a learning curve.");
            } else {
                add(page, written, figures, curves);
            }

            new PointTable(runs, axes).write(page, dir);

            robustness(page, written, figures, new RobustnessFigures(runs, tables.robustness(), tables.replay(), axes,
                    nVis));
            sensitivity(page, written, figures, SensitivityTable.read(spark, options.outputRoot(), sweep));
            replays(page, written, figures, runs, axes, options);

            // 3. one self-contained page
            Path html = dir.resolve("index.html");
            Files.writeString(html, page.render(), StandardCharsets.UTF_8);
            return new Result(html, List.copyOf(written));
        } finally {
            runs.unpersist();
        }
    }

    private static Path defaultDir(String outputRoot) {
        String scheme = new org.apache.hadoop.fs.Path(outputRoot).toUri().getScheme();
        if (scheme != null && !scheme.equals("file")) {
            throw new IllegalArgumentException("the report is written to a local directory; " + outputRoot
                    + " is not one, so give the report directory explicitly");
        }
        return Path.of(scheme == null ? outputRoot : URI.create(outputRoot).getPath()).resolve("report");
    }

    /** Figures of an earlier report: this one may have others (e.g. the sweep grew an axis). */
    private static void deleteOldFigures(Path figures) throws IOException {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(figures, "*.png")) {
            for (Path p : old) {
                Files.delete(p);
            }
        }
    }

    private static void add(ReportPage page, List<Figure> written, Path figures, Figure f) {
        try {
            page.figure(f, Files.readAllBytes(figures.resolve(f.file())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        written.add(f);
    }

    /** A frontier sweep's frontier, from its frontiers table (README "Robustness frontiers"). */
    private static void frontier(ReportPage page, List<Figure> written, Path figures, FrontierFigures frontier) {
        if (frontier == null) {
            return;
        }
        page.section("Robustness frontier");
        page.paragraph("Where " + frontier.criterion() + " stops holding, over " + frontier.parameter()
                + ", per configuration.");
        page.table(frontier.header(), frontier.table());
        Figure line = frontier.write(figures);
        Figure heat = frontier.heatMap(figures);
        if (line == null && heat == null) {
            page.paragraph("No figure: no configuration has a crossing in the searched range, or no configuration"
                    + " parameter is a number to draw x* against (see the table).");
        }
        for (Figure f : new Figure[] {line, heat}) {
            if (f != null) {
                add(page, written, figures, f);
            }
        }
    }

    /** Capacity curves when the runs learn patterns of two or more lengths (docs/tasks.md); else no section. */
    private static void capacity(ReportPage page, List<Figure> written, Path figures, CapacityFigures capacity) {
        if (capacity == null) {
            return;
        }
        page.section("Capacity");
        page.paragraph("How long a pattern each latent population replays: the largest pattern length K whose mean"
                + " replay quality (replay Σcorr / N_vis) is at least " + CapacityFigures.THRESHOLD + ", per Markov"
                + " order of the task and N_lat.");
        page.table(CapacityFigures.header(), capacity.table());
        add(page, written, figures, capacity.write(figures));
    }

    /** The swept parameters with their values, and every fixed one folded away. */
    private static void parameters(ReportPage page, Dataset<Row> runs, SweptAxes axes) {
        page.section("Swept parameters");
        List<List<String>> rows = new ArrayList<>();
        for (SweptAxis a : axes.all()) {
            List<String> values = a.values().stream().limit(12).map(SweptAxis::format).toList();
            rows.add(List.of(a.path(), a.unit(), Integer.toString(a.size()),
                    String.join(", ", values) + (a.size() > values.size() ? ", …" : ""),
                    String.join(", ", axes.partnersOf(a).stream().map(SweptAxis::path).toList())));
        }
        if (rows.isEmpty()) {
            page.paragraph("No parameter varies: every simulation is a replicate of one point.");
        } else {
            page.table(List.of("parameter", "unit", "number of values", "values", "varies together with"), rows);
        }
        Row first = runs.first();
        List<List<String>> fixed = new ArrayList<>();
        for (Map.Entry<String, String> e : RunParameters.pathByColumn().entrySet()) {
            if (axes.all().stream().noneMatch(a -> a.column().equals(e.getKey()))) {
                fixed.add(List.of(e.getValue(), SweptAxis.format(first.get(first.fieldIndex(e.getKey())))));
            }
        }
        page.foldedTable(fixed.size() + " parameters fixed in this sweep", List.of("parameter", "value"), fixed);
    }

    private static void robustness(ReportPage page, List<Figure> written, Path figures, RobustnessFigures robustness) {
        page.section("Robustness to disturbances");
        List<RobustnessFigures.ScenarioRow> table = robustness.table();
        if (table.isEmpty()) {
            page.paragraph("No run has a disturbance scenario.");
            return;
        }
        SweptAxis group = robustness.group();
        page.table(List.of("scenario", group == null ? "runs of" : group.path(), "runs", "recovered", "mean recovery cycles (recovered runs)",
                "mean |phase jump| (ms)", "Σcorr before", "Σcorr during", "Σcorr after"), table.stream()
                .map(t -> List.of(t.scenario(), t.group(), Long.toString(t.runs()),
                        RobustnessFigures.cell(100 * t.recoveredFraction(), 0) + "%",
                        RobustnessFigures.cell(t.meanRecoveryCycles(), 1),
                        RobustnessFigures.cell(t.meanAbsPhaseJumpMs(), 2),
                        RobustnessFigures.cell(t.before().mean(), 2), RobustnessFigures.cell(t.during().mean(), 2),
                        RobustnessFigures.cell(t.after().mean(), 2)))
                .toList());
        robustness.write(figures, table).forEach(f -> add(page, written, figures, f));
    }

    /** The sensitivity indices, when the sweep is a sensitivity sweep that has been analysed; else no section. */
    private static void sensitivity(ReportPage page, List<Figure> written, Path figures,
                                    Optional<SensitivityTable.Analysis> analysis) {
        if (analysis.isEmpty()) {
            return;
        }
        SensitivityFigures sensitivity = new SensitivityFigures(analysis.get());
        page.section("Sensitivity");
        page.paragraph("Which swept parameters drive each analysed output, from the sweep's sensitivity table ("
                + analysis.get().spec().method().key() + " design, n = " + analysis.get().spec().n() + "; "
                + "docs/sensitivity.md).");
        page.table(sensitivity.header(), sensitivity.rows());
        sensitivity.warnings().forEach(page::warning);
        sensitivity.write(figures).forEach(f -> add(page, written, figures, f));
    }

    private static void replays(ReportPage page, List<Figure> written, Path figures, Dataset<Row> runs,
                                SweptAxes axes, Options options) {
        page.section("Target versus replay: the best and the worst point");
        if (!options.resimulate()) {
            page.paragraph("Not drawn: this report was made without rerunning simulations.");
            return;
        }
        List<BestAndWorstRuns.Rerun> reruns = new BestAndWorstRuns(runs, axes).write(figures, options.progress());
        if (reruns.isEmpty()) {
            page.paragraph("No run with status OK has a replay score.");
        }
        for (BestAndWorstRuns.Rerun r : reruns) {
            if (r.figure() == null) {
                page.warning("The " + r.rank() + " point could not be shown: " + r.problem() + ".");
            } else {
                if (!r.reproduced()) {
                    page.warning("The rerun of the " + r.rank() + " point did not reproduce the table: see the caption.");
                }
                add(page, written, figures, r.figure());
            }
        }
    }
}
