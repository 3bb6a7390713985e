package org.elisesweep.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The log file of one command: Spark's log and the traces of failures go there, not to the console.
 * {@code $ELISE_LOG_DIR/elise-<command>-<time>-<pid>.log}, by default under the temporary directory.
 * Its path is handed to log4j as the system property {@value #PROPERTY} (see conf/log4j2.properties).
 */
final class LogFile {
    static final String PROPERTY = "elise.log.file";

    private LogFile() {
    }

    /** Chooses the log file for {@code command} and tells log4j, unless a path was set already. */
    static Path choose(String command) {
        String set = System.getProperty(PROPERTY);
        if (set != null) {
            return Path.of(set);
        }
        String dir = System.getenv("ELISE_LOG_DIR");
        Path base = dir != null && !dir.isBlank() ? Path.of(dir) : Path.of(System.getProperty("java.io.tmpdir"), "elise-sweep-logs");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path log = base.resolve("elise-" + command + "-" + stamp + "-" + ProcessHandle.current().pid() + ".log");
        System.setProperty(PROPERTY, log.toString());
        return log;
    }
}
