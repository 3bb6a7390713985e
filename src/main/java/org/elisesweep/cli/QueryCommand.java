package org.elisesweep.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.elisesweep.report.ResultTableFormat;
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
        SparkCommands.requireSweepOutput(outputDir);

        // 2. query on an embedded Spark; runs has about 80 columns, above the 25 past which Spark
        // warns whenever it renders a plan
        // (errors of the query itself, at planning or at run time, are the user's: see Failures)
        return SparkCommands.embedded("elise query", Map.of("spark.sql.debug.maxToStringFields", "200"), spark -> {
            format.print(TableQuery.run(spark, outputDir, sql), System.out);
            return ExitStatus.OK;
        });
    }
}
