package org.elisesweep.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;
import org.elisesweep.report.ResultTableFormat;
import org.elisesweep.spark.DamagedTablesException;
import org.elisesweep.spark.SparkSessions;
import org.elisesweep.spark.TableQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code elise query}: Spark SQL over a sweep's tables, printed as markdown or CSV. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Run one Spark SQL query on the tables under a sweep's output directory (views runs, "
                + "curves, replay, robustness; every sweep there, with a column sweep) and print the result.")
final class QueryCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OUTPUT_DIR", description = "A sweep's output directory (its --out), or a Hadoop URI.")
    String outputDir;

    @Parameters(index = "1", paramLabel = "SQL",
            description = "The query, e.g. \"SELECT model_n_lat, avg(replay_mean_sumcorr) FROM runs GROUP BY 1 ORDER BY 1\".")
    String sql;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown",
            description = "markdown (default) or csv.")
    ResultTableFormat format;

    @Override
    public Integer call() throws Exception {
        // 1. not a sweep's output: say so before Spark spends seconds starting
        if (SweepOutputs.sweepsIn(outputDir, new java.io.PrintWriter(System.err, true)) == null) {
            return 2;
        }

        // 2. query on an embedded Spark; runs has about 80 columns, above the 25 past which Spark
        // warns whenever it renders a plan
        SparkSession spark = SparkSessions.forSweep("local[*]", "elise query",
                Map.of("spark.ui.enabled", "false", "spark.sql.debug.maxToStringFields", "200"));
        try {
            format.print(TableQuery.run(spark, outputDir, sql), System.out);
            return 0;
        } catch (Exception e) {
            // Spark throws AnalysisException (bad SQL, unknown column) without declaring it; its
            // simple message leaves out the query plan
            if (e instanceof AnalysisException a) {
                System.err.println("error: " + a.getSimpleMessage());
                return 2;
            }
            if (e instanceof DamagedTablesException) {
                System.err.println("error: " + e.getMessage());
                return 2;
            }
            throw e;
        } finally {
            spark.stop();
        }
    }
}
