package org.elisesweep.sweep;

/**
 * The values a parameter allows, for people: numeric bounds (null when unbounded) and a note for
 * what bounds cannot say (a constraint involving another parameter, what a string holds). The
 * model's records enforce the bounds ({@code ParameterCatalogTest} checks that they agree).
 *
 * @param min         the lower bound, or null
 * @param minIncluded whether {@code min} itself is allowed
 * @param max         the upper bound, or null
 * @param maxIncluded whether {@code max} itself is allowed
 * @param note        the rest, or ""
 */
public record ParameterRange(Double min, boolean minIncluded, Double max, boolean maxIncluded, String note) {

    static ParameterRange atLeast(double min) {
        return new ParameterRange(min, true, null, false, "");
    }

    static ParameterRange above(double min) {
        return new ParameterRange(min, false, null, false, "");
    }

    /** [min, max] with the given ends included. */
    static ParameterRange between(double min, boolean minIncluded, double max, boolean maxIncluded) {
        return new ParameterRange(min, minIncluded, max, maxIncluded, "");
    }

    static ParameterRange described(String note) {
        return new ParameterRange(null, false, null, false, note);
    }

    ParameterRange and(String more) {
        return new ParameterRange(min, minIncluded, max, maxIncluded, note.isEmpty() ? more : note + "; " + more);
    }

    /** "≥ 1", "(0, 1]", "> 0; a whole number of Euler steps", or the note alone. */
    @Override
    public String toString() {
        String bounds;
        if (min != null && max != null) {
            bounds = (minIncluded ? "[" : "(") + number(min) + ", " + number(max) + (maxIncluded ? "]" : ")");
        } else if (min != null) {
            bounds = (minIncluded ? "≥ " : "> ") + number(min);
        } else if (max != null) {
            bounds = (maxIncluded ? "≤ " : "< ") + number(max);
        } else {
            return note;
        }
        return note.isEmpty() ? bounds : bounds + "; " + note;
    }

    private static String number(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }
}
