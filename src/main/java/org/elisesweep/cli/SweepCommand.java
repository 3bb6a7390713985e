package org.elisesweep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.elisesweep.report.SweepReport;
import org.elisesweep.spark.ConsoleLogging;
import org.elisesweep.spark.CommittedSpeeds;
import org.elisesweep.spark.DryRun;
import org.elisesweep.spark.FrontierJob;
import org.elisesweep.spark.FrontierSummary;
import org.elisesweep.spark.OutputLocation;
import org.elisesweep.spark.StopRequest;
import org.elisesweep.spark.SweepJob;
import org.elisesweep.spark.SweepLease;
import org.elisesweep.spark.SweepSummary;
import org.elisesweep.sweep.FrontierFile;
import org.elisesweep.sweep.FrontierPlan;
import org.elisesweep.sweep.SweepFile;
import org.elisesweep.sweep.SweepPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code elise sweep}: runs a sweep file on Spark, or estimates it with {@code --dry-run}. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run a sweep file on Spark (embedded local[*] by default) and write the Parquet tables "
                + "runs, curves, replay and robustness under the output directory. Rerunning computes only "
                + "what is missing. One driver at a time writes an output's sweep (a lease in <out>/_leases).")
final class SweepCommand implements Callable<Integer> {
    /** The master URLs Spark accepts (SparkContext.createTaskScheduler), checked before Spark starts. */
    private static final Pattern MASTER = Pattern.compile(
            "local(\\[(\\*|\\d+)(,\\d+)?])?|local-cluster\\[\\d+,\\d+,\\d+]|spark://.+|yarn|k8s://.+");

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

    @Option(names = "--wait", description = "When another driver writes this output's sweep, wait for it to finish "
            + "instead of refusing (exit status 2).")
    boolean waitForLease;

    @Option(names = "--lease-stale-after", paramLabel = "SECONDS", defaultValue = "60",
            description = "A lease whose heartbeat is older than this belongs to a dead driver and is taken over "
                    + "(default: ${DEFAULT-VALUE}).")
    long staleAfterSeconds;

    @Option(names = "--no-progress", description = "Do not draw a progress bar.")
    boolean noProgress;

    @Option(names = "--report", negatable = true, description = "After the sweep, write its HTML report to "
            + "<out>/report/index.html (see `elise report`); default: on for embedded (local) Spark, off otherwise.")
    Boolean report;

    @Override
    public Integer call() throws Exception {
        // 1. read and validate the whole sweep file and the options before anything starts
        FrontierPlan frontier = FrontierFile.declaresFrontier(file) ? FrontierFile.load(file) : null;
        SweepPlan plan = frontier != null ? frontier.firstRound() : SweepFile.load(file);
        plan.warnings().forEach(w -> System.err.println("warning: " + w));
        String output = out != null ? out : Path.of("out", plan.name()).toString();
        if (dryRun && !plan.continuesStoredNetworks()) {
            DryRun.of(plan, CommittedSpeeds.read(output, plan.name(), hadoopSettings())).print(System.out);
            return ExitStatus.OK;
        }
        if (master != null && !MASTER.matcher(master).matches()) {
            throw new UsageException("--master " + master + " is not a Spark master URL: use local[N], local[*], "
                    + "spark://HOST:PORT, yarn or k8s://https://HOST:PORT");
        }
        if (staleAfterSeconds < 2) {
            throw new UsageException("--lease-stale-after " + staleAfterSeconds + ": at least 2 seconds");
        }
        if (!dryRun) {
            OutputLocation.checkWritable(output, hadoopSettings());
        }
        StopRequest stop = InterruptHandler.install();

        // 2. run what is missing on Spark (a sweep on stored networks first finds them), then summarise
        String sparkMaster = master != null ? master : System.getProperty("spark.master") == null ? "local[*]" : null;
        ConsoleLogging.quietUnlessConfigured();
        return SparkCommands.with(sparkMaster, "elise-sweep " + plan.name(), sparkConf, spark -> {
            if (dryRun) {
                DryRun.of(SweepJob.resolve(spark, plan), CommittedSpeeds.read(output, plan.name(), hadoopSettings()))
                        .print(System.out);
                return ExitStatus.OK;
            }
            SweepLease.Policy lease = SweepLease.Policy.DEFAULT.staleAfter(Duration.ofSeconds(staleAfterSeconds))
                    .waiting(waitForLease);
            SweepJob.Options options = new SweepJob.Options(output, rerunFailed, !noProgress, 0, lease, stop);
            if (frontier != null) {
                FrontierSummary found = FrontierJob.run(spark, frontier, options);
                found.print(System.out);
                if (found.interrupted()) {
                    System.out.flush();
                    System.err.println("interrupted: rerun the same command to continue the search");
                    return ExitStatus.INTERRUPTED;
                }
                return report(spark, output, plan.name(), found.complete() ? ExitStatus.OK : ExitStatus.STOPPED,
                        found.simulations() > 0);
            }
            SweepSummary summary = SweepJob.run(spark, plan, options);
            summary.print(System.out);
            if (summary.interrupted()) {
                System.out.flush();
                System.err.printf("interrupted: %d of %d committed; rerun the same command to continue%n",
                        summary.committed(), summary.planned());
                return ExitStatus.INTERRUPTED;
            }
            return report(spark, output, plan.name(), summary.complete() ? ExitStatus.OK : ExitStatus.STOPPED,
                    summary.committed() > 0);
        });
    }

    /** Writes the report when asked (by default with embedded Spark) and there is something to show; the worse status. */
    private int report(SparkSession spark, String output, String sweep, int status,
                       boolean anyCommitted) throws IOException {
        boolean embedded = spark.sparkContext().master().startsWith("local");
        if ((report != null ? report : embedded) && anyCommitted) {
            System.out.flush();
            int written = ReportCommand.write(spark, new SweepReport.Options(output, sweep, null, true, !noProgress),
                    new PrintWriter(System.out, true), new PrintWriter(System.err, true));
            return Math.max(status, written);
        }
        return status;
    }

    /** The Hadoop settings among the --conf ones (spark.hadoop.*), for checking the output before Spark starts. */
    private Configuration hadoopSettings() {
        Configuration conf = new Configuration();
        sparkConf.forEach((k, v) -> {
            if (k.startsWith("spark.hadoop.")) {
                conf.set(k.substring("spark.hadoop.".length()), v);
            }
        });
        conf.setIfUnset("ipc.client.connect.max.retries", "2");   // an unreachable HDFS is said in seconds
        return conf;
    }
}
