package org.elisesweep.cli;

/** Input a command cannot use (a malformed option value or file): exit status 2 with its one-line message. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }

    UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
