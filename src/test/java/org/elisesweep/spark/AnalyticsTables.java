package org.elisesweep.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.elisesweep.sweep.FrontierFile;
import org.elisesweep.sweep.SweepFile;
import org.elisesweep.sweep.SweepPlan;

/**
 * The tables of the small sweep {@code src/test/resources/sweeps/analytics.conf} (2 latent sizes ×
 * 2 modes × 2 noise levels × 2 replicates, three disturbance scenarios), and apart from them those
 * of two tiny sensitivity sweeps (Sobol and Morris) and of a small capacity sweep, each computed once per test JVM on the shared
 * SparkSession, for the tests of what analyses tables: notebooks and the report.
 */
public final class AnalyticsTables {
    public static final Path SWEEP_FILE = Path.of("src/test/resources/sweeps/analytics.conf");
    /** A tiny Sobol sensitivity sweep (3 parameters, N = 16): its output also holds a {@code sensitivity} table. */
    public static final Path SENSITIVITY_SWEEP_FILE = Path.of("src/test/resources/sweeps/sensitivity.conf");
    /** A tiny Morris screening of the same parameters, run into the same output directory. */
    public static final Path MORRIS_SWEEP_FILE = Path.of("src/test/resources/sweeps/sensitivity-morris.conf");
    /** A small capacity sweep (generated patterns of two lengths and two Markov orders, two latent sizes). */
    public static final Path TASKS_SWEEP_FILE = Path.of("src/test/resources/sweeps/tasks.conf");
    /** A small frontier sweep (two latent sizes × two nudging strengths): its output holds a {@code frontiers} table. */
    public static final Path FRONTIER_SWEEP_FILE = Path.of("src/test/resources/sweeps/frontier.conf");

    private AnalyticsTables() {
    }

    private static final class Holder {
        static final Path OUTPUT = compute(SWEEP_FILE);
    }

    private static final class FrontierHolder {
        static final Path OUTPUT = compute(FRONTIER_SWEEP_FILE);
    }

    private static final class TasksHolder {
        static final Path OUTPUT = compute(TASKS_SWEEP_FILE);
    }

    private static final class SensitivityHolder {
        static final Path OUTPUT = compute(SENSITIVITY_SWEEP_FILE, MORRIS_SWEEP_FILE);
    }

    /** Runs {@code sweepFiles} into one temporary directory deleted at exit. */
    private static Path compute(Path... sweepFiles) {
        Path out;
        try {
            out = Files.createTempDirectory("elise-analytics-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(out)));
        for (Path sweepFile : sweepFiles) {
            try {
                SweepJob.Options options = new SweepJob.Options(out.toString(), false, false, 0);
                if (FrontierFile.declaresFrontier(sweepFile)) {
                    FrontierJob.run(SharedSpark.get(), FrontierFile.load(sweepFile), options);
                    continue;
                }
                SweepPlan plan = SweepFile.load(sweepFile);
                SweepSummary summary = SweepJob.run(SharedSpark.get(), plan, options);
                if (!summary.complete()) {
                    throw new IllegalStateException("the sweep " + sweepFile + " did not complete: " + summary);
                }
            } catch (Exception e) {
                throw new IllegalStateException("the sweep " + sweepFile + " failed", e);
            }
        }
        return out;
    }

    /** The sweep's output directory, holding the tables runs, curves, replay and robustness. */
    public static Path output() {
        return Holder.OUTPUT;
    }

    /**
     * The output directory of both sensitivity sweeps (sweeps {@code sensitivity-fixture} and
     * {@code sensitivity-morris-fixture}): the tables of {@link #output()} and {@code sensitivity}.
     */
    public static Path sensitivityOutput() {
        return SensitivityHolder.OUTPUT;
    }

    /** The output directory of the tasks sweep (sweep {@code tasks-fixture}), for capacity analyses. */
    /** The frontier sweep's output directory: its four tables and {@code frontiers}. */
    public static Path frontierOutput() {
        return FrontierHolder.OUTPUT;
    }

    public static Path tasksOutput() {
        return TasksHolder.OUTPUT;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at exit: a temporary directory left behind is harmless
        }
    }
}
