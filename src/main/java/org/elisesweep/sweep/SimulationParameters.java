package org.elisesweep.sweep;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The parameters a sweep point consists of: every leaf of {@code simulation-defaults.conf} (see
 * {@link SimulationConfig#defaults()}) except {@code seed}, which the sweep chooses per replicate.
 * Knows each one's {@link ParameterType} and typed default, so that a point can list every
 * parameter (not only the varied ones) and its id changes when a default does.
 *
 * <p>Immutable; {@link #INSTANCE} is read once from the class path.
 */
final class SimulationParameters {
    /** The simulation's seed: set per replicate by the sweep, never a point parameter. */
    static final String SEED = "seed";
    static final String PATTERN_SOURCE = "pattern.source";
    static final String PATTERN_INLINE = "pattern.inline";

    static final SimulationParameters INSTANCE = new SimulationParameters(SimulationConfig.defaults());

    private final Config defaultsConfig;
    private final SortedMap<String, ParameterType> types;
    private final SortedMap<String, Object> defaults;

    private SimulationParameters(Config defaultsConfig) {
        this.defaultsConfig = defaultsConfig;
        SortedMap<String, ParameterType> t = new TreeMap<>();
        SortedMap<String, Object> d = new TreeMap<>();
        Set<String> whole = wholeNumberPaths(defaultsConfig);
        for (Map.Entry<String, ConfigValue> e : defaultsConfig.entrySet()) {
            String path = e.getKey();
            ParameterType type = ParameterType.of(path, e.getValue(), whole.contains(path));
            t.put(path, type);
            if (!SEED.equals(path)) {
                d.put(path, type.convert(e.getValue()));
            }
        }
        this.types = Collections.unmodifiableSortedMap(t);
        this.defaults = Collections.unmodifiableSortedMap(d);
    }

    /**
     * The numeric parameters that {@link SimulationConfig} reads as whole numbers: given 0.5 for
     * every numeric parameter at once, it names each of them with "expected a whole number".
     */
    private static Set<String> wholeNumberPaths(Config defaults) {
        Map<String, Object> fractional = new TreeMap<>();
        for (Map.Entry<String, ConfigValue> e : defaults.entrySet()) {
            if (e.getValue().valueType() == ConfigValueType.NUMBER) {
                fractional.put(e.getKey(), 0.5);
            }
        }
        try {
            SimulationConfig.parse(ConfigFactory.parseMap(fractional), "type probe");
            return Set.of();
        } catch (ConfigProblems e) {
            String marker = ": expected a whole number";
            return e.problems().stream().filter(p -> p.contains(marker))
                    .map(p -> p.substring(0, p.indexOf(marker))).collect(Collectors.toSet());
        }
    }

    /** The defaults file itself, e.g. for {@link StrictReader#rejectUnknownKeys}. */
    Config defaultsConfig() {
        return defaultsConfig;
    }

    boolean isKnown(String path) {
        return types.containsKey(path);
    }

    /** The type of a known path; null for an unknown one. */
    ParameterType type(String path) {
        return types.get(path);
    }

    /** Every point parameter with its default (seed left out). */
    SortedMap<String, Object> defaults() {
        return defaults;
    }

    /** "; did you mean 'x'?" for the known path nearest to {@code path}, or "". */
    String suggestion(String path) {
        return StrictReader.suggestion(path, List.copyOf(types.keySet()));
    }

    /**
     * The known parameter that a problem path (as {@link SimulationConfig} reports it, e.g.
     * {@code replay.scenarios[0].cycel} or {@code replay.scenarios.x.cycle}) is about, or null.
     */
    String ownerOf(String problemPath) {
        String best = null;
        for (String p : types.keySet()) {
            boolean owns = problemPath.equals(p) || problemPath.startsWith(p + ".") || problemPath.startsWith(p + "[");
            if (owns && (best == null || p.length() > best.length())) {
                best = p;
            }
        }
        return best;
    }

    /** One line {@code path = value} per parameter, in key order: text that {@link SimulationConfig#parse} accepts. */
    String hocon(SortedMap<String, Object> parameters) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> e : parameters.entrySet()) {
            ParameterType type = types.getOrDefault(e.getKey(), ParameterType.STRING);
            sb.append(ConfigUtil.joinPath(ConfigUtil.splitPath(e.getKey()))).append(" = ")
                    .append(type.hocon(e.getValue())).append('\n');
        }
        return sb.toString();
    }

    /**
     * The parameters as a Config whose values carry no file origin, so that the messages of
     * {@link SimulationConfig#parse} about them name only the parameter path.
     */
    Config config(SortedMap<String, Object> parameters) {
        Map<String, Object> values = new TreeMap<>();
        for (Map.Entry<String, Object> e : parameters.entrySet()) {
            Object v = e.getValue();
            if (types.get(e.getKey()) == ParameterType.LIST) {
                v = ConfigFactory.parseString("v = " + v).getValue("v").unwrapped();
            }
            values.put(e.getKey(), v);
        }
        return ConfigFactory.parseMap(values, "");
    }
}
