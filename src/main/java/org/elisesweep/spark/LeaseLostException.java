package org.elisesweep.spark;

/** The driver's lease was taken from it while the sweep ran (it was paused beyond the stale limit). */
public final class LeaseLostException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    LeaseLostException(String sweep, String reason) {
        super("sweep '" + sweep + "' stopped: " + reason + "; nothing committed is lost; check that no other "
                + "driver writes this output, then rerun the same command to continue");
    }
}
