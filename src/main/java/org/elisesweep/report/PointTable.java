package org.elisesweep.report;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.elisesweep.model.Status;

/**
 * One row per point: its swept parameters and its replay figures over its replicates, for the page
 * and as {@code points.csv} next to it (every point, for a spreadsheet or pandas). Σcorr is per
 * visible neuron (÷ N_vis), so that 1 is a perfect replay whatever the task.
 */
final class PointTable {
    /** Figure columns after the swept parameters. */
    static final List<String> FIGURES = List.of("simulations", "ok", "learned", "replay_sumcorr_per_neuron_mean",
            "replay_sumcorr_per_neuron_min", "final_sumcorr_per_neuron_mean");
    static final String CSV = "points.csv";
    private static final int SHOWN = 40;

    private final Dataset<Row> points;
    private final SweptAxes axes;

    PointTable(Dataset<Row> runs, SweptAxes axes) {
        this.axes = axes;
        Column ok = col("status").equalTo(Status.OK.name());
        Column replayPerNeuron = when(ok, col("replay_mean_sumcorr_per_neuron"));
        List<Column> aggregates = new ArrayList<>();
        for (SweptAxis a : axes.all()) {
            aggregates.add(first(col(a.column())).as(a.column()));
        }
        aggregates.add(count(col("replicate")).as("simulations"));
        aggregates.add(sum(when(ok, 1).otherwise(0)).as("ok"));
        aggregates.add(sum(when(ok.and(col("learned_at_cycle").isNotNull()), 1).otherwise(0)).as("learned"));
        aggregates.add(avg(replayPerNeuron).as("replay_sumcorr_per_neuron_mean"));
        aggregates.add(min(replayPerNeuron).as("replay_sumcorr_per_neuron_min"));
        aggregates.add(avg(when(ok, col("final_sumcorr_per_neuron"))).as("final_sumcorr_per_neuron_mean"));
        this.points = runs.groupBy("point_id").agg(aggregates.get(0), aggregates.subList(1, aggregates.size())
                .toArray(Column[]::new)).orderBy(col("replay_sumcorr_per_neuron_mean").desc_nulls_last(), col("point_id"));
    }

    /** Writes every point to {@code dir/points.csv} and the best {@value #SHOWN} into the page. */
    void write(ReportPage page, Path dir) throws IOException {
        try (PrintStream csv = new PrintStream(Files.newOutputStream(dir.resolve(CSV)), true, StandardCharsets.UTF_8)) {
            ResultTableFormat.CSV.print(points, csv);
        }
        List<Row> rows = points.limit(SHOWN).collectAsList();
        long all = points.count();
        List<String> header = new ArrayList<>(List.of("point"));
        axes.all().forEach(a -> header.add(a.title()));
        header.addAll(List.of("simulations", "OK", "learned", "replay Σcorr/N_vis (mean)", "(min)",
                "final Σcorr/N_vis (mean)"));
        List<List<String>> cells = new ArrayList<>();
        for (Row r : rows) {
            List<String> line = new ArrayList<>(List.of(r.getString(0)));
            for (SweptAxis a : axes.all()) {
                line.add(SweptAxis.format(r.getAs(a.column())));
            }
            for (String f : FIGURES) {
                line.add(figure(r.getAs(f)));
            }
            cells.add(line);
        }
        page.section("Points");
        page.paragraph(all <= SHOWN ? "Every point, best replay first; also in " + CSV + " next to this page."
                : "The " + SHOWN + " of " + all + " points with the best replay; all of them in " + CSV
                        + " next to this page.");
        page.table(header, cells);
    }

    /** A count as is, a Σcorr to three decimals, a missing figure (no OK replicate) as a dash. */
    private static String figure(Object value) {
        if (value == null) {
            return "–";
        }
        return value instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : value.toString();
    }
}
