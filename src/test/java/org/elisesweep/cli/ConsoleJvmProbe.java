package org.elisesweep.cli;

/**
 * A stand-in console JVM for {@link ConsoleLauncherTest}: draws a progress line without ending it,
 * says "ready" on standard output, and on Ctrl-C prints a last line, as the sweep driver does.
 */
public final class ConsoleJvmProbe {
    private ConsoleJvmProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.print("interrupted: nothing lost\n");
            System.err.flush();
        }));
        System.err.print("progress 1/2\r");
        System.err.flush();
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(120_000);
    }
}
