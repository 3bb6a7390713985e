package org.elisesweep.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.elisesweep.sweep.ParameterCatalog;

/**
 * A parameter that takes more than one value in a sweep: its {@code runs} column, its path, and
 * its distinct values in ascending order (numbers as Double, everything else as text).
 *
 * @param numeric whether the values are numbers (plotted on a numeric axis) or categories
 */
record SweptAxis(String column, String path, boolean numeric, List<Object> values) {
    /** Longest value text shown as it is; longer ones (inline patterns, scenario lists) are shortened. */
    private static final int MAX_LABEL = 28;

    SweptAxis {
        values = List.copyOf(values);
    }

    int size() {
        return values.size();
    }

    /**
     * The axis title: the parameter's name for people, with its unit in parentheses when it has one
     * ("dendritic noise σ_d (mV)"), both from the parameter catalog.
     */
    String title() {
        String unit = unit();
        return unit.isEmpty() ? name() : name() + " (" + unit + ")";
    }

    /** The parameter's name for people ("dendritic noise σ_d"), or its path when the catalog gives none. */
    String name() {
        return ParameterCatalog.INSTANCE.labelOf(path);
    }

    /** The parameter's unit, or "" when it is dimensionless or not a number. */
    String unit() {
        return ParameterCatalog.INSTANCE.unitOf(path);
    }

    /** "20 ms": a value of this axis with its unit, as people read it. */
    String valueWithUnit(Object value) {
        String unit = unit();
        return format(value) + (unit.isEmpty() ? "" : " " + unit);
    }

    /** The parameter's name for legends: as {@link #name}. */
    String shortName() {
        return name();
    }

    /** A value as people read it: numbers without trailing zeros, long texts shortened. */
    static String format(Object value) {
        if (value instanceof Double d) {
            double a = Math.abs(d);
            if (a != 0 && (a < 1e-3 || a >= 1e6)) {
                return String.format(Locale.ROOT, "%.3g", d);
            }
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        String text = String.valueOf(value).replaceAll("\\s+", " ");
        return text.length() <= MAX_LABEL ? text : text.substring(0, MAX_LABEL - 1) + "…";
    }

    /** The value of a Spark row cell in this axis's representation (numbers as Double). */
    Object valueOf(Object cell) {
        return numeric ? Double.valueOf(((Number) cell).doubleValue()) : String.valueOf(cell);
    }
}
