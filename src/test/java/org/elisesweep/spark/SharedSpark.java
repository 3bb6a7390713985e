package org.elisesweep.spark;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * One embedded SparkSession (local[2]) for every test class in the JVM: starting Spark costs
 * seconds, so it is started once, on first use, and stopped when the JVM exits.
 */
public final class SharedSpark {
    private SharedSpark() {
    }

    private static final class Holder {
        static final SparkSession SPARK = start();

        private static SparkSession start() {
            SparkSession s = SparkSessions.forSweep("local[2]", "elise-sweep tests",
                    Map.of("spark.ui.enabled", "false", "spark.sql.shuffle.partitions", "2"));
            Runtime.getRuntime().addShutdownHook(new Thread(s::stop));
            return s;
        }
    }

    public static SparkSession get() {
        return Holder.SPARK;
    }
}
