package org.elisesweep.spark;

/** A directory given as a sweep's output holds no {@code runs} table of the sweep asked for. */
public final class NotASweepOutputException extends Exception {
    private static final long serialVersionUID = 1L;

    NotASweepOutputException(String message) {
        super(message);
    }
}
