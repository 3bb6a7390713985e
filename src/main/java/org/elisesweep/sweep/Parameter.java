package org.elisesweep.sweep;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One entry of the {@link ParameterCatalog}: a simulation parameter's path, type, allowed values,
 * unit and meaning, its default (from {@code simulation-defaults.conf}), and where its value goes
 * in the typed records of a {@code SimulationSpec} ({@link SpecDraft}). Immutable.
 */
public final class Parameter {
    private final String path;
    private final ParameterType type;
    private final List<String> choices;
    private final Function<String, Object> choiceParser;
    private final ParameterRange range;
    private final String unit;
    private final String description;
    private final BiConsumer<SpecDraft, Object> target;
    private final Object defaultValue;
    private final String label;

    private Parameter(String path, ParameterType type, List<String> choices, Function<String, Object> choiceParser,
                      ParameterRange range, String unit, String description, BiConsumer<SpecDraft, Object> target,
                      Object defaultValue, String label) {
        this.path = path;
        this.type = type;
        this.choices = List.copyOf(choices);
        this.choiceParser = choiceParser;
        this.range = range;
        this.unit = unit;
        this.description = description;
        this.target = target;
        this.defaultValue = defaultValue;
        this.label = label;
    }

    /** A parameter of a type other than {@link ParameterType#CHOICE}; its default is set by the catalog. */
    static Parameter of(String path, ParameterType type, ParameterRange range, String unit, String description,
                        BiConsumer<SpecDraft, Object> target) {
        return new Parameter(path, type, List.of(), null, range, unit, description, target, null, null);
    }

    /** A parameter whose value is the key of one of {@code values} ({@code key} and {@code parse} are inverse). */
    static <E extends Enum<E>> Parameter choice(String path, E[] values, Function<E, String> key,
                                                Function<String, E> parse, String description,
                                                BiConsumer<SpecDraft, Object> target) {
        List<String> keys = Arrays.stream(values).map(key).toList();
        return new Parameter(path, ParameterType.CHOICE, keys, parse::apply,
                ParameterRange.described(String.join(", ", keys)), "", description, target, null, null);
    }

    /** This parameter with its default, as read from the defaults file. */
    Parameter withDefault(Object value) {
        return new Parameter(path, type, choices, choiceParser, range, unit, description, target, value, label);
    }

    /** This parameter with a name for people, e.g. "dendritic noise σ_d", used on figures instead of its path. */
    Parameter labelled(String name) {
        return new Parameter(path, type, choices, choiceParser, range, unit, description, target, defaultValue, name);
    }

    /** The name of this parameter on figures and in legends: its label, or its path when it has none. */
    public String label() {
        return label == null ? path : label;
    }

    public String path() {
        return path;
    }

    public ParameterType type() {
        return type;
    }

    /** The allowed names of a {@link ParameterType#CHOICE}; empty for the other types. */
    public List<String> choices() {
        return choices;
    }

    public ParameterRange range() {
        return range;
    }

    /** The unit ("mV", "ms", "1/ms", "Euler steps", ...), or "" when dimensionless or not a number. */
    public String unit() {
        return unit;
    }

    public String description() {
        return description;
    }

    /** The default, typed as a point's parameters are (Integer, Long, Double, Boolean, String). */
    public Object defaultValue() {
        return defaultValue;
    }

    /**
     * Reads this parameter from a configuration merged with the defaults: the value for
     * {@link #applyTo}, or a fallback with a problem recorded in {@code in}.
     */
    Object read(StrictReader in) {
        return switch (type) {
            case INTEGER -> in.getInt(path);
            case LONG -> in.getLong(path);
            case DOUBLE -> in.getDouble(path);
            case BOOLEAN -> in.getBoolean(path);
            case STRING -> in.getString(path);
            case CHOICE -> in.getChoice(path, String.join(", ", choices), choiceParser,
                    choiceParser.apply((String) defaultValue));
            case LIST -> in.getValue(path);
        };
    }

    /**
     * The value for {@link #applyTo} of a point's value of this parameter (typed as
     * {@link SweepPoint#parameters()} are), or a fallback with a problem added to {@code problems}.
     */
    Object fromPoint(Object value, List<String> problems) {
        return switch (type) {
            case CHOICE -> {
                try {
                    yield choiceParser.apply((String) value);
                } catch (IllegalArgumentException e) {
                    problems.add(path + ": '" + value + "' is not allowed; use one of " + String.join(", ", choices));
                    yield choiceParser.apply((String) defaultValue);
                }
            }
            // without an origin, so that messages about it name only the parameter path
            case LIST -> ConfigValueFactory.fromAnyRef(
                    ConfigFactory.parseString("v = " + value).getValue("v").unwrapped(), "");
            default -> type.coerce(value);
        };
    }

    /** Puts a value of this parameter (from {@link #read} or {@link #fromPoint}) into the draft. */
    void applyTo(SpecDraft draft, Object value) {
        target.accept(draft, value);
    }

    @Override
    public String toString() {
        return path;
    }
}
