package org.elisesweep.spark;

import java.time.Duration;

/** Another driver holds a live lease on the sweep's output: this one refuses to write. */
public final class LeaseHeldException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    LeaseHeldException(String sweep, String root, SweepLease.Holder holder, Duration heartbeat) {
        super("sweep '" + sweep + "' in " + root + " is being written by another driver (" + holder.describe()
                + "; heartbeat " + heartbeat.toSeconds() + " s ago): wait for it with --wait, or use another --out");
    }
}
