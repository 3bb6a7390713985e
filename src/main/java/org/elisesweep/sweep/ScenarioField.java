package org.elisesweep.sweep;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A numeric field of one clamp scenario of {@code replay.scenarios}, as a frontier's searched path:
 * {@code replay.scenarios.<name>.<field>}, e.g. {@code replay.scenarios.window-90-150.offset-mv}.
 * {@code replay.scenarios} is one list-valued parameter, so a probe sets the field by rewriting the
 * list ({@link #apply}).
 */
public record ScenarioField(String scenario, String field, ParameterType type) {
    static final String PREFIX = ParameterCatalog.REPLAY_SCENARIOS + ".";
    private static final Map<String, ParameterType> FIELDS = Map.of("offset-mv", ParameterType.DOUBLE,
            "fraction", ParameterType.DOUBLE, "from-ms", ParameterType.DOUBLE, "to-ms", ParameterType.DOUBLE,
            "cycle", ParameterType.INTEGER, "first-neuron", ParameterType.INTEGER, "last-neuron", ParameterType.INTEGER);

    static boolean isOne(String path) {
        return path.startsWith(PREFIX);
    }

    /**
     * The field a path names.
     *
     * @throws IllegalArgumentException saying what such a path looks like
     */
    static ScenarioField of(String path) {
        String rest = path.substring(PREFIX.length());
        int dot = rest.lastIndexOf('.');
        String field = dot < 0 ? "" : rest.substring(dot + 1);
        if (dot <= 0 || !FIELDS.containsKey(field)) {
            throw new IllegalArgumentException("expected " + PREFIX + "<scenario name>.<field> with a field of "
                    + String.join(", ", new java.util.TreeSet<>(FIELDS.keySet())) + ", found '" + path + "'");
        }
        return new ScenarioField(rest.substring(0, dot), field, FIELDS.get(field));
    }

    /**
     * {@code scenarios} (a canonical JSON list of {@code replay.scenarios}) with this field of the
     * clamp object named {@link #scenario} set to {@code value}, as canonical JSON.
     *
     * @throws IllegalArgumentException when the list has no clamp object of that name
     */
    String apply(String scenarios, Object value) {
        List<ConfigValue> out = new ArrayList<>();
        boolean found = false;
        for (ConfigValue v : ConfigFactory.parseString("v = " + scenarios).getList("v")) {
            if (v.valueType() == ConfigValueType.OBJECT && scenario.equals(((ConfigObject) v).toConfig().hasPath("name")
                    ? ((ConfigObject) v).toConfig().getString("name") : null)) {
                v = ((ConfigObject) v).withValue(field, ConfigValueFactory.fromAnyRef(value));
                found = true;
            }
            out.add(v);
        }
        if (!found) {
            throw new IllegalArgumentException("replay.scenarios has no clamp object named '" + scenario
                    + "' (the paper's named clamps cannot be changed: give one as an object with a name)");
        }
        return ParameterType.canonicalJson(ConfigValueFactory.fromIterable(out));
    }
}
