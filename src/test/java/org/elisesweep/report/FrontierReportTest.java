package org.elisesweep.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.elisesweep.spark.FrontierJob;
import org.elisesweep.spark.SharedSpark;
import org.elisesweep.spark.SweepJob;
import org.elisesweep.sweep.FrontierFile;
import org.elisesweep.sweep.FrontierPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of a frontier sweep has its frontier: a table per configuration and x* against the configuration axis. */
class FrontierReportTest {
    @Test
    void theReportShowsTheFrontierOfEveryConfiguration(@TempDir Path dir) throws Exception {
        // the criterion is on the searched parameter's own column, so x* is 0.37 in both configurations
        FrontierPlan plan = FrontierFile.parse(ConfigFactory.parseString("""
                name = report-frontier
                base { training.cycles = 40, replay.cycles = 8 }
                axes = [ { path = model.n-lat, values = [6, 8] } ]
                execution { task-seconds = 0.2 }
                frontier { path = noise.weights.delete-fraction, from = 0, to = 1,
                           criterion = "noise_weights_delete_fraction < 0.37", precision = 0.1, replicates = 1,
                           max-rounds = 3 }
                """), "test", Path.of("."));
        Path out = dir.resolve("out");
        FrontierJob.run(SharedSpark.get(), plan, new SweepJob.Options(out.toString(), false, false));

        SweepReport.Result report = SweepReport.write(SharedSpark.get(), new SweepReport.Options(out.toString(), null,
                dir.resolve("report"), false, false));
        String html = Files.readString(report.html());
        assertTrue(html.contains("Robustness frontier"), html);
        assertTrue(html.contains("noise_weights_delete_fraction &lt; 0.37"), "the criterion is said");
        for (String nLat : new String[] {"<tr><td class=\"num\">6</td>", "<tr><td class=\"num\">8</td>"}) {
            assertTrue(html.contains(nLat), "a row per configuration: " + nLat);
        }
        Figure figure = report.figures().stream().filter(f -> f.file().equals("frontier-vs-model_n_lat.png"))
                .findFirst().orElseThrow(() -> new AssertionError("no frontier figure in " + report.figures()));
        var png = ImageIO.read(report.figure(figure).toFile());
        assertTrue(PngAssertions.distinctColours(png) > 3, "a drawn chart, not a blank image");
    }

    @Test
    void twoConfigurationAxesGetAHeatMapOfTheFrontier(@TempDir Path dir) throws Exception {
        // the crossing is a known plane over the two axes: x* = 0.04 N_lat + 0.5 λ − 0.2 (0.29 … 0.42)
        FrontierPlan plan = FrontierFile.parse(ConfigFactory.parseString("""
                name = report-frontier-2d
                base { training.cycles = 40, replay.cycles = 8 }
                axes = [ { path = model.n-lat, values = [6, 8] }, { path = model.lambda, values = [0.5, 0.6] } ]
                execution { task-seconds = 0.2 }
                frontier { path = noise.weights.delete-fraction, from = 0, to = 1,
                           criterion = "noise_weights_delete_fraction < 0.04 * model_n_lat + 0.5 * model_lambda - 0.2",
                           precision = 0.1, replicates = 1, max-rounds = 3 }
                """), "test", Path.of("."));
        Path out = dir.resolve("out");
        FrontierJob.run(SharedSpark.get(), plan, new SweepJob.Options(out.toString(), false, false));

        SweepReport.Result report = SweepReport.write(SharedSpark.get(), new SweepReport.Options(out.toString(), null,
                dir.resolve("report"), false, false));
        Figure heat = report.figures().stream().filter(f -> f.file().equals("frontier-over-model_lambda-model_n_lat.png"))
                .findFirst().orElseThrow(() -> new AssertionError("no frontier heat map in " + report.figures()));
        assertTrue(heat.caption().contains("a blank cell has no crossing"), heat.caption());
        var png = ImageIO.read(report.figure(heat).toFile());
        assertTrue(PngAssertions.distinctColours(png) > 3, "a drawn chart, not a blank image");
        // the line figure still shows x* against the first configuration parameter (in path order), one line per N_lat
        Figure lines = report.figures().stream().filter(f -> f.file().equals("frontier-vs-model_lambda.png"))
                .findFirst().orElseThrow(() -> new AssertionError("no frontier figure in " + report.figures()));
        assertTrue(lines.caption().contains("one line per model_n_lat"), lines.caption());
        for (var r : SharedSpark.get().read().parquet(out.resolve("frontiers").toString()).collectAsList()) {
            double expected = 0.04 * r.<Integer>getAs("model_n_lat") + 0.5 * r.<Double>getAs("model_lambda") - 0.2;
            double low = r.getAs("last_pass");
            double high = r.getAs("first_fail");
            assertTrue(low <= expected && expected <= high, "bracket [" + low + ", " + high + "] holds " + expected);
        }
    }
}
