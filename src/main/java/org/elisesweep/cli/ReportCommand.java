package org.elisesweep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.elisesweep.report.SweepReport;
import org.elisesweep.spark.DamagedTablesException;
import org.elisesweep.spark.NotASweepOutputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code elise report}: the HTML report of a sweep's output directory. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write an HTML report of a sweep's output directory (status counts, replay quality against "
                + "each swept parameter, learning curves, robustness per disturbance, target versus replay of the "
                + "best and the worst point) to OUTPUT_DIR/report/index.html, with its figures as PNG files in "
                + "OUTPUT_DIR/report/figures/.")
final class ReportCommand implements Callable<Integer> {
    @Mixin
    SweepOutputArgs target;

    @Option(names = "--report-dir", paramLabel = "DIR", description = "Where to write index.html and figures/ "
            + "(default: OUTPUT_DIR/report).")
    Path reportDir;

    @Option(names = "--no-resimulate", description = "Do not rerun the best and the worst point (their target "
            + "versus replay figures are then left out).")
    boolean noResimulate;

    @Option(names = "--no-progress", description = "Do not draw a progress bar while rerunning.")
    boolean noProgress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // 1. a sweep's output at all? Said before Spark takes its seconds to start
        SparkCommands.requireSweepOutput(target.output);

        // 2. aggregate, plot and write on an embedded Spark
        return SparkCommands.embedded("elise-sweep report", Map.of(), spark ->
                write(spark, new SweepReport.Options(target.output, target.sweep, reportDir, !noResimulate, !noProgress),
                        out, err));
    }

    /** Writes the report and prints its path; 2 with a message when the directory is not a sweep's output. */
    static int write(SparkSession spark, SweepReport.Options options, PrintWriter out, PrintWriter err)
            throws IOException {
        try {
            SweepReport.Result r = SweepReport.write(spark, options);
            out.println("report: " + r.html().toAbsolutePath() + " (" + r.figures().size() + " figures)");
            out.flush();
            return ExitStatus.OK;
        } catch (NotASweepOutputException | IllegalArgumentException | DamagedTablesException e) {
            // not a sweep's output; not a local directory; a damaged file
            err.println("error: " + e.getMessage());
            return ExitStatus.INVALID;
        }
    }
}
