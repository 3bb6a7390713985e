package org.elisesweep.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.elisesweep.spark.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application jar under a stock spark-submit: {@code spark-submit --master local[1] app.jar
 * SWEEP_FILE --out DIR}, no class name, no subcommand, no logging settings. The SPARK_HOME is the
 * project's ({@code jobs/local-cluster.sh spark-home}: Spark's jars) with an empty conf directory, as
 * a Spark distribution has, and the command is the one Spark's launcher builds for bin/spark-submit.
 */
class SparkSubmitIT {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final String SWEEP = """
            name = submitted
            seed = 3
            replicates = 2
            base { training.cycles = 40, replay.cycles = 8, model.n-lat = 10 }
            axes = [ { path = model.lambda, values = [0.5, 0.7] } ]
            """;

    private record Result(int code, String output) {
    }

    @Test
    void theJarRunsASweepFileWithAQuietConsoleThatAUserCanMakeVerbose(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("submitted.conf");
        Files.writeString(file, SWEEP);
        Path out = dir.resolve("out");

        Result quiet = sparkSubmit(dir, List.of("--master", "local[1]", appJar().toString(), file.toString(),
                "--out", out.toString()));
        assertEquals(0, quiet.code, quiet.output);
        assertTrue(quiet.output.contains("sweep submitted: 4 of 4 simulations committed"), quiet.output);
        List<String> info = quiet.output.lines().filter(l -> l.matches(".*\\bINFO\\b.*")).toList();
        assertTrue(info.isEmpty(), info.size() + " INFO lines, e.g. " + info.stream().limit(3).toList());
        Dataset<Row> runs = SharedSpark.get().read().parquet(out.resolve("runs").toString());
        assertEquals(4, runs.count());
        assertEquals(4, runs.filter("status = 'OK' AND sweep = 'submitted'").select("point_id", "replicate")
                .distinct().count());

        // the user's Log4j configuration wins over the jar's (a rerun: everything is committed already)
        Path verbose = dir.resolve("verbose.properties");
        Files.writeString(verbose, """
                rootLogger.level = info
                rootLogger.appenderRef.console.ref = console
                appender.console.type = Console
                appender.console.name = console
                appender.console.layout.type = PatternLayout
                appender.console.layout.pattern = %p %c{1}: %m%n
                """);
        Result loud = sparkSubmit(dir, List.of("--master", "local[1]", "--driver-java-options",
                "-Dlog4j.configurationFile=" + verbose, appJar().toString(), file.toString(), "--out", out.toString(),
                "--no-report"));
        assertEquals(0, loud.code, loud.output);
        assertTrue(loud.output.contains("INFO SparkContext: Running Spark version"), loud.output);
        assertTrue(loud.output.contains("0 computed now, 4 already done"), loud.output);
    }

    private static Path appJar() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("elise-sweep-.*-app\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/elise-sweep-*-app.jar: run `mvn package`"));
        }
    }

    /** What bin/spark-submit does: Spark's launcher prints the java command, which then runs. */
    private static Result sparkSubmit(Path dir, List<String> args) throws Exception {
        Path sparkHome = Path.of(run(List.of("jobs/local-cluster.sh", "spark-home"), 300).output.strip());
        Path emptyConf = Files.createDirectories(dir.resolve("spark-conf"));
        List<String> launcher = new ArrayList<>(List.of(javaBin(), "-cp", sparkHome.resolve("jars") + "/*",
                "org.apache.spark.launcher.Main", "org.apache.spark.deploy.SparkSubmit"));
        launcher.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(launcher).directory(ROOT.toFile());
        environment(pb, sparkHome, emptyConf);
        Process p = pb.start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "the launcher failed: " + printed);
        // the launcher's protocol (see bin/spark-class): messages, a NUL line, then the command NUL-separated
        String command = printed.substring(printed.indexOf("\0\n") + 2);
        ProcessBuilder submit = new ProcessBuilder(Arrays.asList(command.split("\0"))).directory(ROOT.toFile())
                .redirectErrorStream(true);
        environment(submit, sparkHome, emptyConf);
        return finish(submit.start(), submit.command(), 300);
    }

    private static void environment(ProcessBuilder pb, Path sparkHome, Path conf) {
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("SPARK_CONF_DIR", conf.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Result run(List<String> command, int timeoutSeconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        pb.environment().put("ELISE_CLUSTER_DIR", ROOT.resolve("target/it-submit").toString());
        return finish(pb.start(), command, timeoutSeconds);
    }

    private static Result finish(Process p, List<String> command, int timeoutSeconds) throws Exception {
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(timeoutSeconds, TimeUnit.SECONDS), "timed out: " + command);
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
