package org.elisesweep.sweep;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Reads typed values from a Typesafe Config and collects, rather than throws, every problem:
 * unknown keys (with the nearest known key as a suggestion) and values of the wrong type, each
 * naming its path and origin (file and line).
 */
final class StrictReader {
    private final Config config;
    private final List<String> problems = new ArrayList<>();

    StrictReader(Config config) {
        this.config = config;
    }

    List<String> problems() {
        return problems;
    }

    void problem(String path, String message) {
        String where = config.hasPath(path) ? originOf(config.getValue(path)) : "";
        problems.add(path + ": " + message + where);
    }

    /** Reports every leaf path of {@code given} that {@code known} does not have, skipping {@code opaque} subtrees. */
    void rejectUnknownKeys(Config given, Config known, Set<String> opaque) {
        List<String> knownPaths = known.entrySet().stream().map(Map.Entry::getKey).toList();
        for (Map.Entry<String, ConfigValue> e : given.entrySet()) {
            String path = e.getKey();
            if (opaque.stream().anyMatch(o -> path.equals(o) || path.startsWith(o + "."))) {
                continue;
            }
            if (known.hasPath(path) && known.getValue(path).valueType() == ConfigValueType.OBJECT) {
                String member = knownPaths.stream().filter(k -> k.startsWith(path + ".")).findFirst().orElse(path);
                problems.add(path + ": is a group of parameters, not a value; set its members, e.g. " + member
                        + originOf(e.getValue()));
                continue;
            }
            if (known.hasPathOrNull(path)) {
                continue;
            }
            problems.add(path + ": unknown parameter" + suggestion(path, knownPaths) + originOf(e.getValue()));
        }
    }

    /**
     * Reports every key of this reader's object that is not in {@code allowed}, with the nearest
     * allowed key as a suggestion, or else the list of allowed keys; {@code what} names the object
     * ("a sweep file", "an axis").
     */
    void rejectUnknownKeys(List<String> allowed, String what) {
        for (String key : config.root().keySet()) {
            if (!allowed.contains(key)) {
                String hint = suggestion(key, allowed);
                String help = hint.isEmpty() ? "; " + what + " has " + String.join(", ", allowed) : hint;
                problems.add(key + ": unknown key" + help + originOf(config.root().get(key)));
            }
        }
    }

    /** The problems found so far, each path prefixed with {@code prefix} (e.g. "axes[2]" gives "axes[2].count: ..."). */
    List<String> problemsUnder(String prefix) {
        return problems.stream().map(p -> prefix + "." + p).toList();
    }

    static String suggestion(String path, List<String> knownPaths) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        return knownPaths.stream()
                .min(Comparator.comparingInt((String k) -> distance.apply(k, path)))
                .filter(k -> distance.apply(k, path) <= Math.max(3, path.length() / 3))
                .map(k -> "; did you mean '" + k + "'?")
                .orElse("");
    }

    static String originOf(ConfigValue value) {
        String d = value.origin().description();
        return d == null || d.isBlank() ? "" : " (" + d + ")";
    }

    int getInt(String path) {
        return read(path, "a whole number", p -> whole(p, config::getInt), 0);
    }

    long getLong(String path) {
        return read(path, "a whole number", p -> whole(p, config::getLong), 0L);
    }

    /** A duration such as {@code 90s}, {@code 30m} or {@code 1h} (a bare number is milliseconds). */
    Duration getDuration(String path) {
        return read(path, "a duration such as 90s, 30m or 1h", config::getDuration, Duration.ZERO);
    }

    double getDouble(String path) {
        return read(path, "a number", config::getDouble, 0.0);
    }

    boolean getBoolean(String path) {
        return read(path, "true or false", config::getBoolean, false);
    }

    String getString(String path) {
        return read(path, "a string", config::getString, "");
    }

    /** The value at {@code path} as given, for values that are read by their structure (lists of objects). */
    ConfigValue getValue(String path) {
        return config.getValue(path);
    }

    /** A string that must be one of {@code allowed}, parsed by {@code parse}. */
    <T> T getChoice(String path, String allowed, Function<String, T> parse, T fallback) {
        String s = getString(path);
        try {
            return parse.apply(s);
        } catch (IllegalArgumentException e) {
            problem(path, "'" + s + "' is not allowed; use one of " + allowed);
            return fallback;
        }
    }

    /** Typesafe Config truncates 20.5 to 20 when asked for an integer; a strict reader refuses it. */
    private <T> T whole(String path, Function<String, T> getter) {
        if (config.getValue(path).unwrapped() instanceof Double d && d != Math.rint(d)) {
            throw new ConfigException.BadValue(path, "not a whole number");
        }
        return getter.apply(path);
    }

    private <T> T read(String path, String expected, Function<String, T> getter, T fallback) {
        try {
            return getter.apply(path);
        } catch (ConfigException.Null e) {
            problems.add(path + ": is null; expected " + expected);
        } catch (ConfigException.Missing e) {
            problems.add(path + ": missing; expected " + expected);
        } catch (ConfigException.WrongType | ConfigException.BadValue e) {
            String found = config.hasPath(path) ? config.getValue(path).render() : "null";
            problem(path, "expected " + expected + ", found " + found);
        }
        return fallback;
    }
}
