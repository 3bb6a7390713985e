package org.elisesweep.model;

import java.util.ArrayList;
import java.util.List;

/** Collects range violations of one parameter record, each naming the parameter's path. */
final class Checks {
    private final String prefix;
    private final List<Violation> found = new ArrayList<>();

    Checks(String prefix) {
        this.prefix = prefix;
    }

    Checks atLeast(String name, long value, long min) {
        if (value < min) {
            fail(name, "must be ≥ " + min + " (got " + value + ")");
        }
        return this;
    }

    Checks positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            fail(name, "must be a finite number > 0 (got " + value + ")");
        }
        return this;
    }

    Checks nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            fail(name, "must be a finite number ≥ 0 (got " + value + ")");
        }
        return this;
    }

    Checks finite(String name, double value) {
        if (!Double.isFinite(value)) {
            fail(name, "must be a finite number (got " + value + ")");
        }
        return this;
    }

    /** value in [lo, hi] or [lo, hi) when {@code hiOpen}. */
    Checks inRange(String name, double value, double lo, double hi, boolean hiOpen) {
        boolean ok = value >= lo && (hiOpen ? value < hi : value <= hi);
        if (!ok) {
            fail(name, "must be in [" + lo + ", " + hi + (hiOpen ? ")" : "]") + " (got " + value + ")");
        }
        return this;
    }

    Checks require(boolean ok, String name, String message) {
        if (!ok) {
            fail(name, message);
        }
        return this;
    }

    void fail(String name, String message) {
        found.add(new Violation(prefix + name, message));
    }

    List<Violation> violations() {
        return found;
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidParametersException(found);
        }
    }
}
