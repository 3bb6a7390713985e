package org.elisesweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SensitivityCommandTest {
    @Test
    void aDirectoryThatIsNotASweepOutputFailsInOneLineBeforeSparkStarts(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        CommandLine cmd = EliseCommand.commandLine(dir.resolve("elise.log"));
        cmd.setErr(new PrintWriter(err, true));
        cmd.setOut(new PrintWriter(out, true));

        int code = cmd.execute("sensitivity", dir.toString());

        assertEquals(2, code);
        assertTrue(err.toString().startsWith("error: " + dir + " is not a sweep's output directory"), err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
        assertEquals("", out.toString());
    }
}
