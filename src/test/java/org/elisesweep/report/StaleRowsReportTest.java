package org.elisesweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.elisesweep.spark.SharedSpark;
import org.elisesweep.spark.SweepJob;
import org.elisesweep.spark.SweepTables;
import org.elisesweep.sweep.SweepFile;
import org.elisesweep.sweep.SweepPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After an edit of a sweep file's base, readers show the current file's simulations and say what they leave out. */
class StaleRowsReportTest {
    private static final String SWEEP = """
            name = edited
            seed = 5
            replicates = 2
            base { training.cycles = 40, replay.cycles = 8, model.n-lat = 8 }
            axes = [ { path = model.lambda, values = [0.5, 0.6] } ]
            """;

    private final SparkSession spark = SharedSpark.get();

    private static SweepPlan plan(String hocon) {
        return SweepFile.parse(ConfigFactory.parseString(hocon), "test", Path.of("."));
    }

    private static java.util.Set<String> pointIds(org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> table) {
        return new java.util.TreeSet<>(table.select("point_id").distinct().as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList());
    }

    @Test
    void theReportLeavesOutAndCountsTheRowsOfPointsNoLongerInTheSweepFile(@TempDir Path out) throws Exception {
        SweepJob.run(spark, plan(SWEEP), new SweepJob.Options(out.toString(), false, false, 1));
        SweepPlan edited = plan(SWEEP.replace("training.cycles = 40", "training.cycles = 48"));
        SweepJob.run(spark, edited, new SweepJob.Options(out.toString(), false, false, 1));

        SweepTables all = SweepTables.open(spark, out.toString(), "edited");
        SweepTables current = all.currentSweepFile();
        assertEquals(8, all.runs().count());
        assertEquals(4, current.runs().count());
        assertEquals(4, current.excludedSimulations());
        assertEquals(0, all.excludedSimulations());
        // the detail tables follow: exactly the current points' rows
        assertEquals(pointIds(current.runs()), pointIds(current.curves()));
        assertEquals(pointIds(current.runs()), pointIds(current.robustness()));
        assertEquals(4, pointIds(all.curves()).size());

        SweepReport.Result r = SweepReport.write(spark, new SweepReport.Options(out.toString(), "edited",
                out.resolve("report"), false, false));
        String html = Files.readString(r.html());
        assertTrue(html.contains("4 simulations committed"), "the page counts the current simulations");
        assertTrue(html.contains("Left out: 4 simulations of points that are not in the current sweep file"), html);
        assertTrue(html.contains("--prune-stale"), html);
        // the per-point table: the current two points, with their swept parameter
        List<String> points = Files.readAllLines(r.html().resolveSibling("points.csv"));
        assertEquals(3, points.size(), String.join("\n", points));
        assertTrue(points.get(0).startsWith("point_id,model_lambda,simulations,"), points.get(0));
    }
}
