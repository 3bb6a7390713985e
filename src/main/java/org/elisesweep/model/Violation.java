package org.elisesweep.model;

/** One invalid parameter: its path (as in a sweep file or {@code --set}) and what is allowed. */
public record Violation(String path, String message) {
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
