package org.elisesweep.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.elisesweep.report.SweepReport;
import org.elisesweep.spark.ConsoleLogging;
import org.elisesweep.spark.DryRun;
import org.elisesweep.spark.SparkSessions;
import org.elisesweep.spark.SweepConflictException;
import org.elisesweep.spark.SweepJob;
import org.elisesweep.spark.SweepSummary;
import org.elisesweep.sweep.ConfigProblems;
import org.elisesweep.sweep.SweepFile;
import org.elisesweep.sweep.SweepPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code elise sweep}: runs a sweep file on Spark, or estimates it with {@code --dry-run}. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run a sweep file on Spark (embedded local[*] by default) and write the Parquet tables "
                + "runs, curves, replay and robustness under the output directory. Rerunning computes only "
                + "what is missing.")
final class SweepCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SWEEP_FILE", description = "The sweep file (HOCON), e.g. conf/quickstart.conf.")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory or Hadoop URI (default: out/<sweep name>).")
    String out;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master when not started by spark-submit (default: local[*]).")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting (repeatable).")
    Map<String, String> sparkConf = new LinkedHashMap<>();

    @Option(names = "--dry-run", description = "Print points, simulations, a sample of points and a core-hour "
            + "estimate from a short calibration of the step loop; run nothing.")
    boolean dryRun;

    @Option(names = "--rerun-failed", description = "Also recompute simulations committed with a status other than OK.")
    boolean rerunFailed;

    @Option(names = "--no-progress", description = "Do not draw a progress bar.")
    boolean noProgress;

    @Option(names = "--report", negatable = true, description = "After the sweep, write its HTML report to "
            + "<out>/report/index.html (see `elise report`); default: on for embedded (local) Spark, off otherwise.")
    Boolean report;

    @Override
    public Integer call() throws Exception {
        // 1. read and validate the whole sweep file before anything starts
        SweepPlan plan;
        try {
            plan = SweepFile.load(file);
        } catch (ConfigProblems e) {
            System.err.println(e.getMessage());
            return 2;
        }
        plan.warnings().forEach(w -> System.err.println("warning: " + w));
        if (dryRun && !plan.continuesStoredNetworks()) {
            DryRun.of(plan).print(System.out);
            return 0;
        }

        // 2. run what is missing on Spark (a sweep on stored networks first finds them), then summarise
        String output = out != null ? out : Path.of("out", plan.name()).toString();
        String sparkMaster = master != null ? master : System.getProperty("spark.master") == null ? "local[*]" : null;
        ConsoleLogging.quietUnlessConfigured();
        SparkSession spark = SparkSessions.forSweep(sparkMaster, "elise-sweep " + plan.name(), sparkConf);
        try {
            if (dryRun) {
                DryRun.of(SweepJob.resolve(spark, plan)).print(System.out);
                return 0;
            }
            SweepSummary summary = SweepJob.run(spark, plan, new SweepJob.Options(output, rerunFailed, !noProgress, 0));
            summary.print(System.out);
            int status = summary.complete() ? 0 : 1;
            boolean embedded = spark.sparkContext().master().startsWith("local");
            if ((report != null ? report : embedded) && summary.committed() > 0) {
                System.out.flush();
                int written = ReportCommand.write(spark, new SweepReport.Options(output, plan.name(), null, true,
                        !noProgress), new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true));
                status = Math.max(status, written);
            }
            return status;
        } catch (ConfigProblems e) {
            System.err.println(e.getMessage());
            return 2;
        } catch (SweepConflictException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        } finally {
            spark.stop();
        }
    }
}
