package org.elisesweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * jobs/lib/console-jvm.sh, which starts the JVMs of jobs/elise and of embedded sweeps: with the
 * Vector API module, but without the warning line such a JVM prints at start, and without
 * holding back or losing anything else the JVM writes on standard error.
 */
class ConsoleLauncherTest {
    private static final String CLASS_PATH = System.getProperty("java.class.path");

    private record Output(int exit, String out, String err) {
    }

    /** Runs {@code console_java -cp CLASS_PATH MAIN ARGS} in bash, with the given environment additions. */
    private static Output consoleJava(List<String> env, String main, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("env"));
        cmd.addAll(env);
        cmd.addAll(List.of("bash", "-c", "source jobs/lib/console-jvm.sh; console_java ${ELISE_JAVA_OPTS:-} -cp \"$0\" \"$@\"",
                CLASS_PATH, main));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        String out = readAll(p.getInputStream());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "hang guard");
        return new Output(p.exitValue(), out, err.get(60, TimeUnit.SECONDS));
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theConsoleJvmHasTheVectorKernelsAndPrintsNoWarning() throws Exception {
        Output version = consoleJava(List.of(), "org.elisesweep.cli.EliseCommand", "--version");
        assertEquals(0, version.exit(), version.err());
        assertTrue(version.out().contains("vector kernels: on (jdk.incubator.vector, C2)"), version.out());
        assertTrue(version.out().contains("lock-step (auto): groups of 8 simulations of one wiring"), version.out());
        assertEquals("", version.err(), "nothing on standard error");

        // the premise: the same JVM started directly says it uses an incubator module
        Process direct = new ProcessBuilder("java", "--add-modules=jdk.incubator.vector", "-cp", CLASS_PATH,
                "org.elisesweep.cli.EliseCommand", "--version").start();
        String directErr = readAll(direct.getErrorStream());
        assertTrue(direct.waitFor(60, TimeUnit.SECONDS), "hang guard");
        assertTrue(directErr.startsWith("WARNING: Using incubator modules: jdk.incubator.vector"), directErr);
    }

    /**
     * On a machine with 256-bit vectors (AVX2; here C2 limited to them) auto lock-step is off: groups
     * were measured faster only with 8 doubles per vector.
     */
    @Test
    void autoLockstepIsOffWithVectorsOfFourDoubles() throws Exception {
        Output version = consoleJava(List.of("ELISE_JAVA_OPTS=-XX:MaxVectorSize=32"), "org.elisesweep.cli.EliseCommand",
                "--version");
        assertEquals(0, version.exit(), version.err());
        assertTrue(version.out().contains("vector kernels: on"), version.out());
        assertTrue(version.out().contains("lock-step (auto): off (vectors of 4 doubles here"), version.out());
    }

    @Test
    void elise_vector_offStartsTheJvmWithoutTheModule() throws Exception {
        Output version = consoleJava(List.of("ELISE_VECTOR=off"), "org.elisesweep.cli.EliseCommand", "--version");
        assertEquals(0, version.exit(), version.err());
        assertTrue(version.out().contains("vector kernels: off (the JVM was started without --add-modules"),
                version.out());
        assertTrue(version.out().contains("lock-step (auto): off (no vector kernels)"), version.out());
        assertEquals("", version.err());
    }

    /**
     * A progress line that is not ended reaches the terminal at once, and so do the lines the JVM
     * prints after Ctrl-C, which a terminal sends to the whole process group, the filter too.
     */
    @Test
    void unfinishedLinesPassAtOnceAndCtrlCLosesNoLine() throws Exception {
        // a session of its own, as a terminal's foreground job; the default SIGINT disposition even when
        // the build runs in the background (which starts its children with SIGINT ignored)
        Process p = new ProcessBuilder("env", "--default-signal=INT", "setsid", "bash", "-c",
                "source jobs/lib/console-jvm.sh; console_java -cp \"$0\" org.elisesweep.cli.ConsoleJvmProbe",
                CLASS_PATH).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("ready", CompletableFuture.supplyAsync(() -> readLine(out)).get(60, TimeUnit.SECONDS));
            InputStream err = p.getErrorStream();
            String progress = "progress 1/2\r";
            byte[] first = CompletableFuture.supplyAsync(() -> readExactly(err, progress.length()))
                    .get(30, TimeUnit.SECONDS);
            assertEquals(progress, new String(first, StandardCharsets.UTF_8), "the unended line, and no warning first");

            // Ctrl-C: SIGINT to the process group (the JVM is its leader: bash and setsid exec)
            assertEquals(0, new ProcessBuilder("kill", "-INT", "--", "-" + p.pid()).inheritIO().start().waitFor());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the JVM ends on Ctrl-C");
            assertEquals(130, p.exitValue());
            assertEquals("interrupted: nothing lost\n", CompletableFuture.supplyAsync(() -> readAll(err))
                    .get(30, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
    }

    private static String readLine(BufferedReader in) {
        try {
            return in.readLine();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] readExactly(InputStream in, int n) {
        try {
            return in.readNBytes(n);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
