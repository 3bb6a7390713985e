package org.elisesweep.spark;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of a real {@code elise} JVM with this test JVM's class path and module options. */
public final class EliseJvm {
    private EliseJvm() {
    }

    public static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-") || a.startsWith("-XX:+IgnoreUnrecognized") || a.startsWith("-D")
                        && !a.startsWith("-Dsurefire") && !a.startsWith("-Dbasedir"))
                .toList());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.elisesweep.cli.EliseCommand"));
        cmd.addAll(List.of(args));
        return cmd;
    }
}
