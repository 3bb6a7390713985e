package org.elisesweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every script of jobs/ answers --help with its usage, at once: nothing is built, simulated or started. */
class JobScriptsHelpTest {
    @TestFactory
    Stream<DynamicTest> everyScriptPrintsItsUsageAndExitsZero() throws Exception {
        List<Path> scripts;
        try (Stream<Path> s = Files.list(Path.of("jobs"))) {
            scripts = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertTrue(scripts.size() >= 10, "jobs/ scripts: " + scripts);
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.toString(), () -> {
            Process p = new ProcessBuilder(script.toString(), "--help").redirectErrorStream(true).start();
            // a script that ignored --help would build or simulate for minutes: a hang guard, not a timing
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), script + " did not answer --help");
            String out = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.exitValue(), out);
            assertTrue(out.contains(script.toString()) || out.contains(script.getFileName().toString()),
                    "the usage names the script: " + out);
            assertFalse(out.startsWith("#"), out);
            assertFalse(out.contains("building elise-sweep"), out);
        }));
    }
}
