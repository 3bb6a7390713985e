package org.elisesweep.cli;

import java.io.IOException;
import java.util.HashMap;
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

    /** Spark stopped its context under a running command (an unreachable standalone master gives up so). */
    static final class SparkStoppedException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        SparkStoppedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Throws {@link NotASweepOutputException} (exit status 2) unless {@code outputDir} holds a runs table. */
    static void requireSweepOutput(String outputDir) throws NotASweepOutputException, IOException {
        SweepTables.sweepsIn(outputDir, new Configuration());
    }

    /** An embedded session ({@code local[*]}, no UI) for reading tables. */
    static <T> T embedded(String appName, Map<String, String> settings, Work<T> work) throws Exception {
        Map<String, String> all = new HashMap<>(settings);
        all.putIfAbsent("spark.ui.enabled", "false");
        return with("local[*]", appName, all, work);
    }

    /** A session on {@code master} (null: the one spark-submit gives), stopped when {@code work} ends. */
    static <T> T with(String master, String appName, Map<String, String> settings, Work<T> work) throws Exception {
        SparkSession spark = SparkSessions.forSweep(master, appName, settings);
        try {
            return work.run(spark);
        } catch (RuntimeException e) {
            if (spark.sparkContext().isStopped()) {   // Spark gave up under the command
                throw new SparkStoppedException("Spark stopped while the command ran: the master "
                        + spark.sparkContext().master() + " did not answer, or the application was killed; check the "
                        + "master URL and that the cluster runs", e);
            }
            throw e;
        } finally {
            spark.stop();
        }
    }
}
