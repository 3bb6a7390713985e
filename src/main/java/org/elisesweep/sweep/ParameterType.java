package org.elisesweep.sweep;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The type of one simulation parameter, as {@link ParameterCatalog} declares it: whole numbers
 * ({@link #INTEGER}, {@link #LONG} for {@code seed}), reals ({@link #DOUBLE}), {@link #BOOLEAN},
 * free text ({@link #STRING}), one of a few names ({@link #CHOICE}, held as its name) and
 * {@code replay.scenarios} ({@link #LIST}). The defaults file cannot tell 1.0 from 1 (Typesafe
 * Config keeps {@code 1.0} as an integer), which is why the catalog says it.
 *
 * <p>Each type converts sweep-file values strictly (20.5 is not silently truncated for an integer,
 * "30" is not a number) and renders values canonically for point ids.
 */
public enum ParameterType {
    INTEGER, LONG, DOUBLE, BOOLEAN, STRING,
    /** One of a fixed set of names (an enum of the model), held as its name like a {@link #STRING}. */
    CHOICE,
    /** Held as its canonical JSON text (object keys sorted, whole numbers without ".0"). */
    LIST;

    boolean isNumeric() {
        return this == INTEGER || this == LONG || this == DOUBLE;
    }

    /**
     * The value of this type that {@code value} (from a sweep file) denotes.
     *
     * @throws IllegalArgumentException saying what was expected and what was found
     */
    Object convert(ConfigValue value) {
        ConfigValueType found = value.valueType();
        switch (this) {
            case INTEGER, LONG -> {
                if (found == ConfigValueType.NUMBER) {
                    double d = ((Number) value.unwrapped()).doubleValue();
                    long bound = this == INTEGER ? Integer.MAX_VALUE : Long.MAX_VALUE;
                    if (d == Math.rint(d) && Math.abs(d) <= bound) {
                        return coerce(value.unwrapped());
                    }
                }
                throw wrong("a whole number", value);
            }
            case DOUBLE -> {
                if (found == ConfigValueType.NUMBER) {
                    return normalised(((Number) value.unwrapped()).doubleValue());
                }
                throw wrong("a number", value);
            }
            case BOOLEAN -> {
                if (found == ConfigValueType.BOOLEAN) {
                    return value.unwrapped();
                }
                throw wrong("true or false", value);
            }
            case STRING, CHOICE -> {
                if (found == ConfigValueType.STRING) {
                    return value.unwrapped();
                }
                throw wrong("a string", value);
            }
            default -> {
                if (found == ConfigValueType.LIST) {
                    return canonicalJson(value);
                }
                throw wrong("a list", value);
            }
        }
    }

    /**
     * The value of this (numeric) type nearest to {@code x}: integers are rounded half up, which
     * is how ranges and samplers reach integer parameters.
     */
    Object fromNumber(double x) {
        if (!isNumeric()) {
            throw new IllegalStateException(this + " is not numeric");
        }
        return coerce(this == DOUBLE ? x : Math.round(x));
    }

    /** {@code value} as this type's Java class, accepting any Number for numeric types (as read back from a table). */
    public Object coerce(Object value) {
        if (!(value instanceof Number n)) {
            return value;
        }
        // boxed one by one: a conditional or switch over int, long and double would promote them all to double
        return switch (this) {
            case INTEGER -> Integer.valueOf(n.intValue());
            case LONG -> Long.valueOf(n.longValue());
            case DOUBLE -> normalised(n.doubleValue());
            default -> value;
        };
    }

    /**
     * The canonical text of a value for point ids: whole numbers in decimal, doubles by their
     * exact binary value ({@link Double#toHexString}, which unlike {@code Double.toString} is the
     * same on every JDK), strings JSON-quoted.
     */
    String canonical(Object value) {
        Object v = coerce(value);
        if (v instanceof Double d) {
            return Double.toHexString(d);
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        return quoted(String.valueOf(v));
    }

    /**
     * The elements of a {@link #LIST} value (its canonical JSON text), as a table holds them: a
     * string element as its text ({@code silence-cycle}), any other as its canonical JSON
     * ({@code {"kind":"silence",...}}). {@link #fromElements} is the inverse.
     */
    public static List<String> elements(String canonicalList) {
        return ConfigFactory.parseString("v = " + canonicalList).getList("v").stream()
                .map(v -> v.valueType() == ConfigValueType.STRING ? (String) v.unwrapped() : canonicalJson(v))
                .toList();
    }

    /** The canonical JSON text of a {@link #LIST} value from its {@link #elements}. */
    public static String fromElements(List<String> elements) {
        return elements.stream().map(e -> e.startsWith("{") || e.startsWith("[") ? e : quoted(e))
                .collect(Collectors.joining(",", "[", "]"));
    }

    /** Describes a wrong value; {@code expected} as in {@link StrictReader}'s messages. */
    private static IllegalArgumentException wrong(String expected, ConfigValue value) {
        return new IllegalArgumentException("expected " + expected + ", found "
                + value.render(ConfigRenderOptions.concise()));
    }

    /** Folds -0.0 into 0.0 so that the two never make different points. */
    private static Double normalised(double x) {
        return x == 0.0 ? 0.0 : x;
    }

    static String quoted(String s) {
        return ConfigValueFactory.fromAnyRef(s).render(ConfigRenderOptions.concise());
    }

    /**
     * JSON whose text depends only on the value: object keys sorted, numbers that are whole
     * written without a fraction (15 and 15.0 alike), everything else as JSON.
     */
    static String canonicalJson(ConfigValue value) {
        return switch (value.valueType()) {
            case OBJECT -> new TreeMap<>((ConfigObject) value).entrySet().stream()
                    .map(e -> quoted(e.getKey()) + ":" + canonicalJson(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
            case LIST -> ((List<?>) value).stream().map(v -> canonicalJson((ConfigValue) v))
                    .collect(Collectors.joining(",", "[", "]"));
            case NUMBER -> {
                double d = ((Number) value.unwrapped()).doubleValue();
                yield d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
            }
            default -> value.render(ConfigRenderOptions.concise());
        };
    }
}
