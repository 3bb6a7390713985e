package org.elisesweep.model;

/** A pattern file or matrix that cannot be used; the message names the source and the problem. */
public final class PatternFormatException extends IllegalArgumentException {
    public PatternFormatException(String source, String problem) {
        super("pattern " + source + ": " + problem);
    }
}
