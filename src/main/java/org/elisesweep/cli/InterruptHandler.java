package org.elisesweep.cli;

import org.elisesweep.spark.StopRequest;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) during a sweep: the first one asks the sweep to stop (its Spark jobs are cancelled,
 * what is committed stays, the command then says how far it got and exits 130); a second one exits at once.
 * Without this, Spark's shutdown hook would stop the context under the running job and the user would
 * see its stack traces.
 */
final class InterruptHandler {
    private InterruptHandler() {
    }

    static StopRequest install() {
        StopRequest stop = new StopRequest();
        try {
            Signal.handle(new Signal("INT"), signal -> {
                if (stop.requested()) {
                    Runtime.getRuntime().halt(ExitStatus.INTERRUPTED);
                }
                System.err.println();
                System.err.println("stopping: cancelling the running simulations (Ctrl-C again to quit at once)");
                stop.request();
            });
        } catch (IllegalArgumentException e) {
            // no SIGINT on this platform, or the JVM runs with -Xrs: Ctrl-C then ends the JVM as usual
        }
        return stop;
    }
}
