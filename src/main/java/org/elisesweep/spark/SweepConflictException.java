package org.elisesweep.spark;

/** The output directory holds results that must not be mixed with this sweep's. */
public final class SweepConflictException extends IllegalStateException {
    public SweepConflictException(String message) {
        super(message);
    }
}
