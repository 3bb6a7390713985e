package org.elisesweep.spark;

/** An output location that cannot hold a sweep's tables (empty, a file, not a Hadoop URI). */
public final class InvalidOutputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidOutputException(String message) {
        super(message);
    }
}
