package org.elisesweep.cli;

import java.io.IOException;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.elisesweep.spark.NotASweepOutputException;
import org.elisesweep.spark.SparkSessions;
import org.elisesweep.spark.SweepTables;

/**
 * The one place that owns the Spark session of a command (started, handed to the work, always
 * stopped) and the "is this a sweep's output?" check that query, report and verify make before Spark
 * spends its seconds starting.
 */
final class SparkCommands {
    /** Work done with a running Spark session. */
    interface Work<T> {
        T run(SparkSession spark) throws Exception;
    }

    private SparkCommands() {
    }

    /** Throws {@link NotASweepOutputException} (exit status 2) unless {@code outputDir} holds a runs table. */
    static void requireSweepOutput(String outputDir) throws NotASweepOutputException, IOException {
        SweepTables.sweepsIn(outputDir, new Configuration());
    }

    /** An embedded session ({@code local[*]}, no UI) for reading tables. */
    static <T> T embedded(String appName, Map<String, String> settings, Work<T> work) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(settings);
        all.putIfAbsent("spark.ui.enabled", "false");
        return with("local[*]", appName, all, work);
    }

    /** A session on {@code master} (null: the one spark-submit gives), stopped when {@code work} ends. */
    static <T> T with(String master, String appName, Map<String, String> settings, Work<T> work) throws Exception {
        SparkSession spark = SparkSessions.forSweep(master, appName, settings);
        try {
            return work.run(spark);
        } finally {
            spark.stop();
        }
    }
}
