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
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-") || a.startsWith("-XX:+IgnoreUnrecognized") || a.startsWith("-D")
                        && !a.startsWith("-Dsurefire") && !a.startsWith("-Dbasedir"))
                .toList());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.elisesweep.cli.EliseCommand"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putIfAbsent("SPARK_LOCAL_IP", "127.0.0.1");
        return new DriverProcess(pb.start(), log);
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

    /** Kills it if it still runs (as {@link #kill()}); an interrupt while waiting for that is kept for the caller. */
    @Override
    public void close() {
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
