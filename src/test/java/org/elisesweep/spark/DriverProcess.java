package org.elisesweep.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code elise} driver JVM started by a test ({@code org.elisesweep.cli.EliseCommand} with
 * the given arguments), on the test JVM's class path and with its JVM flags (the --add-opens Spark
 * needs, and the -D properties such as the log configuration), its standard output and error
 * together in a log file. Closing it kills it if it still runs.
 */
public final class DriverProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private DriverProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code elise ARGS...}, e.g. {@code start(log, "sweep", file, "--out", out, "--master", "local[1]")};
     * {@code log} receives its output (created or overwritten).
     */
    public static DriverProcess start(Path log, String... args) throws IOException {
        return start(log, List.of(), args);
    }

    /**
     * As {@link #start(Path, String...)}, with further JVM options, e.g. the production logging
     * configuration {@link #CONSOLE_AS_USERS_SEE_IT} instead of the tests' one.
     */
    public static DriverProcess start(Path log, List<String> jvmOptions, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        // a build started in the background (a CI runner, `mvn … &`) inherits SIGINT ignored, and a JVM that
        // starts with it ignored never sees Ctrl-C: give the driver the default disposition, as a terminal does
        cmd.addAll(List.of("env", "--default-signal=INT"));
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-") || a.startsWith("-XX:+IgnoreUnrecognized") || a.startsWith("-D")
                        && !a.startsWith("-Dsurefire") && !a.startsWith("-Dbasedir"))
                // without the Vector API module, whose start-up warning jobs/lib/console-jvm.sh drops from the
                // console (ConsoleLauncherTest) but would be a line of this log; speed does not matter here
                .filter(a -> !a.startsWith("--add-modules"))
                .toList());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.elisesweep.cli.EliseCommand"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putIfAbsent("SPARK_LOCAL_IP", "127.0.0.1");
        return new DriverProcess(pb.start(), log);
    }

    /** The console of jobs/elise: conf/log4j2.properties, Spark's log in the command's log file. */
    public static final List<String> CONSOLE_AS_USERS_SEE_IT = List.of(
            "-Dlog4j.configurationFile=" + Path.of("conf", "log4j2.properties").toAbsolutePath());

    /** SIGINT, as Ctrl-C in a terminal. */
    public void interrupt() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    /**
     * Writes {@code dir/NAME.conf}: a sweep of 4 replicates × {@code points} values of λ on a small network,
     * one simulation per task, which a driver on one core commits one after another, long enough for
     * a test to meet it while it runs.
     */
    public static Path smallSweep(Path dir, String name, int points) throws IOException {
        List<String> lambdas = new ArrayList<>();
        for (int k = 0; k < points; k++) {
            lambdas.add(Double.toString(0.5 + 0.05 * k));
        }
        return Files.writeString(dir.resolve(name + ".conf"), "name = " + name + "\nseed = 3\nreplicates = 4\n"
                + "base { training.cycles = 120, replay.cycles = 8, model.n-lat = 10 }\n"
                + "axes = [ { path = model.lambda, values = [" + String.join(", ", lambdas) + "] } ]\n"
                + "execution { task-seconds = 0.01 }\n");
    }

    /** {@code elise sweep FILE --out OUT} on one core, quiet (no progress bar, no report, no UI), then {@code extra}. */
    public static String[] sweepOnOneCore(Path file, Path out, String... extra) {
        return sweepOnOneCore(file, out.toString(), extra);
    }

    /** As {@link #sweepOnOneCore(Path, Path, String...)}, to an output given as a path or Hadoop URI (hdfs://…). */
    public static String[] sweepOnOneCore(Path file, String out, String... extra) {
        List<String> args = new ArrayList<>(List.of("sweep", file.toString(), "--out", out, "--master",
                "local[1]", "--no-progress", "--no-report", "--conf", "spark.ui.enabled=false"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** The committed runs files (batches) of {@code sweep} under {@code out}. */
    public static long committedBatches(Path out, String sweep) throws IOException {
        Path runs = out.resolve("runs").resolve("sweep=" + sweep);
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        try (java.util.stream.Stream<Path> s = Files.list(runs)) {
            return s.filter(p -> p.getFileName().toString().startsWith("part-")).count();
        }
    }

    /**
     * Waits until this driver has committed {@code batches} runs files of {@code sweep} under
     * {@code out}; an AssertionError if it ended (or {@code limit} passed) before.
     */
    public void awaitCommits(Path out, String sweep, long batches, Duration limit) throws IOException,
            InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (committedBatches(out, sweep) < batches && isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (!isAlive() || committedBatches(out, sweep) < batches) {
            throw new AssertionError("the driver did not commit " + batches + " batches while running:\n" + output());
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Where its output goes. */
    public Path log() {
        return log;
    }

    /** Its output so far (standard output and error, interleaved as written). */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Its exit status once it ends; if it has not ended within {@code timeout}, it is killed and
     * an AssertionError with its output is thrown.
     */
    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            throw new AssertionError("the driver did not end within " + timeout + "; killed. Its output:\n" + output());
        }
        return process.exitValue();
    }

    /** SIGKILL, as a crash or an OOM killer would: no shutdown hooks, no clean-up. Returns once it has ended. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
