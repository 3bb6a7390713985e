package org.elisesweep.spark;

import java.net.URISyntaxException;
import java.net.URL;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.spark.SparkConf;

/**
 * Keeps a sweep's console readable under a stock spark-submit: Spark logs at INFO to the console
 * unless someone configured Log4j 2, which would bury the progress bar and the summary. When
 * nobody did (Log4j's built-in default, or the profile Spark loads in its place,
 * {@value #SPARK_DEFAULT_PROFILE}), this switches to the configuration inside the application jar,
 * {@value #QUIET_PROFILE} (the project's {@code conf/log4j2.properties}: warnings and errors only).
 * A configuration the user chose wins: {@code -Dlog4j.configurationFile=...} (e.g. through
 * {@code --driver-java-options}) or a {@code log4j2.properties} in {@code $SPARK_HOME/conf}.
 */
public final class ConsoleLogging {
    static final String SPARK_DEFAULT_PROFILE = "org/apache/spark/log4j2-defaults.properties";
    static final String QUIET_PROFILE = "org/elisesweep/log4j2.properties";

    private ConsoleLogging() {
    }

    /**
     * Reconfigures the Log4j 2 context Spark logs to with the quiet profile when nobody configured
     * it. Spark's own logging set-up runs first: left for later, it would load its default profile
     * over ours (spark-submit leaves it pending, remembering that the defaults were in force).
     */
    public static void quietUnlessConfigured() {
        new SparkConf(false).initializeLogIfNecessary(false, true);
        // Spark's context, not ours: under spark-submit the application jar has a class loader of its own
        if (!(LogManager.getContext(SparkConf.class.getClassLoader(), false) instanceof LoggerContext context)
                || !unconfigured(context.getConfiguration())) {
            return;
        }
        URL quiet = ConsoleLogging.class.getClassLoader().getResource(QUIET_PROFILE);
        if (quiet == null) {
            return; // classes run outside the jar without resources: leave Spark's logging as it is
        }
        try {
            context.setConfigLocation(quiet.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the jar's logging profile has no valid URI: " + quiet, e);
        }
    }

    private static boolean unconfigured(Configuration configuration) {
        String location = configuration.getConfigurationSource().getLocation();
        return configuration instanceof DefaultConfiguration
                || (location != null && location.endsWith(SPARK_DEFAULT_PROFILE));
    }
}
