package org.elisesweep.sweep;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code linear} or {@code log} range of a sweep file: {@code count} values from {@code from} to
 * {@code to}, both included, evenly spaced (log: evenly spaced in log, a geometric series).
 *
 * <p>Values are computed with {@link StrictMath} and rounded to 12 significant digits, so that
 * they are identical on every machine (they become part of point ids) and a 0.1 step gives 0.7
 * rather than 0.7000000000000001.
 */
record ValueRange(double from, double to, int count, boolean log) {
    private static final MathContext DIGITS = new MathContext(12);

    List<Double> values() {
        List<Double> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(rounded(at(count == 1 ? 0.0 : (double) i / (count - 1))));
        }
        return out;
    }

    /** The value at fraction f in [0, 1] of the way from {@code from} to {@code to}; exact at both ends. */
    double at(double f) {
        if (f == 0.0) {
            return from;
        }
        if (f == 1.0) {
            return to;
        }
        return log ? from * StrictMath.pow(to / from, f) : from + f * (to - from);
    }

    static double rounded(double x) {
        return new BigDecimal(x).round(DIGITS).doubleValue();
    }
}
