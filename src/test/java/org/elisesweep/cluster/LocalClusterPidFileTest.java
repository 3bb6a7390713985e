package org.elisesweep.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jobs/local-cluster.sh signals only the daemons it started: a pid file whose process is another
 * (a stale file after a crash, its pid reused) is removed with a warning and that process is left
 * alone. Real processes and the real script, on a state directory of the test's own; no Spark.
 */
class LocalClusterPidFileTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();

    @TempDir
    Path state;
    private Process bystander;

    @AfterEach
    void endBystander() throws InterruptedException {
        if (bystander != null) {
            bystander.destroyForcibly().waitFor();
        }
    }

    private record Result(int code, String output) {
    }

    private Result script(String command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("jobs/local-cluster.sh", command).directory(ROOT.toFile())
                .redirectErrorStream(true);
        pb.environment().put("ELISE_CLUSTER_DIR", state.toString());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "timed out: local-cluster.sh " + command);
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** A live process that is no daemon of the script, its pid written into {@code master.pid}. */
    private Path pidFileOfAnUnrelatedProcess() throws Exception {
        bystander = new ProcessBuilder("sleep", "60").start();
        Path pidFile = state.resolve("master.pid");
        Files.writeString(pidFile, bystander.pid() + "\n");
        return pidFile;
    }

    private static String staleWarning(Path pidFile) {
        return "warning: removing stale pid file " + pidFile + ": pid ";
    }

    @Test
    void stopLeavesAnUnrelatedProcessAliveAndRemovesTheStalePidFile() throws Exception {
        Path pidFile = pidFileOfAnUnrelatedProcess();
        Result stop = script("stop");
        assertEquals(0, stop.code(), stop.output());
        assertTrue(stop.output().contains(staleWarning(pidFile) + bystander.pid() + " is not the master this script"
                + " started"), stop.output());
        assertFalse(Files.exists(pidFile));
        Thread.sleep(300); // a TERM, had one been sent, has ended sleep by now
        assertTrue(bystander.isAlive(), "stop signalled a process it did not start");
    }

    @Test
    void statusSaysStoppedAndRemovesAStalePidFile() throws Exception {
        Path pidFile = pidFileOfAnUnrelatedProcess();
        Path deadWorker = state.resolve("worker-1.pid");
        Files.writeString(deadWorker, "4194305\n"); // above Linux's pid_max: no process has it
        Result status = script("status");
        assertEquals(0, status.code(), status.output());
        List<String> lines = status.output().lines().toList();
        assertEquals(3, lines.size(), status.output());
        assertTrue(lines.get(0).startsWith(staleWarning(pidFile) + bystander.pid()), status.output());
        assertTrue(lines.get(1).startsWith(staleWarning(deadWorker) + "4194305"), status.output());
        assertEquals("stopped", lines.get(2));
        assertFalse(Files.exists(pidFile));
        assertFalse(Files.exists(deadWorker));
        assertTrue(bystander.isAlive());
        assertEquals(new Result(0, "stopped\n"), script("status"));
    }

    @Test
    void stopEndsAProcessThatIsTheDaemonItStarted() throws Exception {
        // a stand-in with the command line launch() gives a Master: the marker and the class
        Process daemon = new ProcessBuilder("perl", "-e", "sleep 60", "--",
                "-Delise.local-cluster=" + state.resolve("master"), "org.apache.spark.deploy.master.Master").start();
        try {
            Files.writeString(state.resolve("master.pid"), daemon.pid() + "\n");
            Result status = script("status");
            assertTrue(status.output().startsWith("master running (pid " + daemon.pid() + ")\n"), status.output());
            Result stop = script("stop");
            assertEquals(new Result(0, ""), stop);
            assertTrue(daemon.waitFor(10, TimeUnit.SECONDS), "stop did not end the daemon");
            assertFalse(Files.exists(state.resolve("master.pid")));
        } finally {
            daemon.destroyForcibly();
        }
    }
}
