package org.elisesweep.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.elisesweep.sweep.SweepFile;
import org.elisesweep.sweep.SweepPlan;

/**
 * The tables of the small sweep {@code src/test/resources/sweeps/analytics.conf} (2 latent sizes ×
 * 2 modes × 2 noise levels × 2 replicates, three disturbance scenarios), computed once per test JVM
 * on the shared SparkSession, for the tests of what analyses tables: notebooks and the report.
 */
public final class AnalyticsTables {
    public static final Path SWEEP_FILE = Path.of("src/test/resources/sweeps/analytics.conf");

    private AnalyticsTables() {
    }

    private static final class Holder {
        static final Path OUTPUT = compute();

        private static Path compute() {
            try {
                Path out = Files.createTempDirectory("elise-analytics-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(out)));
                SweepPlan plan = SweepFile.load(SWEEP_FILE);
                SweepSummary summary = SweepJob.run(SharedSpark.get(), plan,
                        new SweepJob.Options(out.toString(), false, false, 0));
                if (!summary.complete()) {
                    throw new IllegalStateException("the analytics sweep did not complete: " + summary);
                }
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException("the analytics sweep failed", e);
            }
        }
    }

    /** The sweep's output directory, holding the tables runs, curves, replay and robustness. */
    public static Path output() {
        return Holder.OUTPUT;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at exit: a temporary directory left behind is harmless
        }
    }
}
