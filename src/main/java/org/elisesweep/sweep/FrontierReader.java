package org.elisesweep.sweep;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code frontier} section of a sweep file into a {@link FrontierSpec}, collecting every
 * problem with its path ({@code frontier.precision: ...}). The searched path is checked as an axis
 * path is ({@link AxisReader}); what the parameter's values must be is checked by {@link FrontierFile},
 * which runs the ends of the range through the validation of every point.
 */
final class FrontierReader {
    static final String SECTION = "frontier";
    private static final List<String> KEYS = List.of("path", "from", "to", "passes", "criterion", "precision",
            "relative-precision", "replicates", "probes", "max-rounds", "max-simulations");
    private static final int DEFAULT_REPLICATES = 4;
    private static final int DEFAULT_PROBES = 3;
    private static final int DEFAULT_ROUNDS = 8;

    private final ParameterCatalog known = ParameterCatalog.INSTANCE;
    private final List<String> problems;
    private final Path baseDir;

    /** Appends to {@code problems}. */
    FrontierReader(List<String> problems, Path baseDir) {
        this.problems = problems;
        this.baseDir = baseDir;
    }

    /** The spec of the sweep file's frontier section, or null when it has problems (added to the list). */
    FrontierSpec read(Config file) {
        ConfigValue value = file.getValue(SECTION);
        if (value.valueType() != ConfigValueType.OBJECT) {
            problems.add(SECTION + ": expected an object such as { path = noise.membrane.dendrite-sigma, from = 0,"
                    + " to = 2, criterion = \"replay_mean_sumcorr_per_neuron >= 0.8\", precision = 0.05 }"
                    + StrictReader.originOf(value));
            return null;
        }
        int before = problems.size();
        rejectWithFrontier(file, "replicates", "a frontier sweep sets the replicates of each probe in frontier.replicates");
        rejectWithFrontier(file, "from-networks", "a frontier sweep trains its own networks; from-networks is not"
                + " supported with a frontier section");
        rejectWithFrontier(file, "sensitivity", "a sweep file is either a frontier search or a sensitivity design,"
                + " not both");
        Config f = ((ConfigObject) value).toConfig();
        StrictReader in = new StrictReader(f);
        in.rejectUnknownKeys(KEYS, "a frontier section");
        problems.addAll(in.problemsUnder(SECTION));
        String path;
        ParameterType type;
        if (f.hasPath("path") && f.getValue("path").valueType() == ConfigValueType.STRING
                && ScenarioField.isOne(f.getString("path"))) {
            // a field of one clamp scenario: replay.scenarios is what the probes' points then vary
            path = f.getString("path");
            try {
                type = ScenarioField.of(path).type();
            } catch (IllegalArgumentException e) {
                problems.add(SECTION + ".path: " + e.getMessage() + StrictReader.originOf(f.getValue("path")));
                path = null;
                type = null;
            }
        } else {
            path = new AxisReader(known, new PatternFiles(baseDir), problems, new ArrayList<>(),
                    new PointBudget(1)).path(f, SECTION);
            type = path == null ? null : known.type(path);
        }
        if (type != null && !type.isNumeric()) {
            problems.add(SECTION + ".path: " + path + " is not a number; a frontier searches a numeric parameter"
                    + StrictReader.originOf(f.getValue("path")));
            type = null;
        }
        if (path != null) {
            rejectOnAxis(file, ScenarioField.isOne(path) ? ParameterCatalog.REPLAY_SCENARIOS : path);
        }
        in = new StrictReader(f);
        double from = in.getDouble("from");
        double to = in.getDouble("to");
        boolean passesBelow = !f.hasPath("passes")
                || in.getChoice("passes", "below, above", FrontierReader::passesBelow, true);
        String criterion = f.hasPath("criterion") ? in.getString("criterion").trim() : null;
        int replicates = f.hasPath("replicates") ? in.getInt("replicates") : DEFAULT_REPLICATES;
        int probes = f.hasPath("probes") ? in.getInt("probes") : DEFAULT_PROBES;
        int rounds = f.hasPath("max-rounds") ? in.getInt("max-rounds") : DEFAULT_ROUNDS;
        long maxSimulations = f.hasPath("max-simulations") ? in.getLong("max-simulations") : Long.MAX_VALUE;
        boolean relative = f.hasPath("relative-precision");
        double precision = f.hasPath("precision") ? in.getDouble("precision")
                : relative ? in.getDouble("relative-precision") : 0;
        if (in.problems().isEmpty()) {
            if (criterion == null || criterion.isEmpty()) {
                in.problem("criterion", (criterion == null ? "missing" : "is empty") + "; a comparison over runs"
                        + " columns, e.g. criterion = \"replay_mean_sumcorr_per_neuron >= 0.8\"");
            }
            if (!(to > from)) {
                in.problem("to", "must be greater than from (" + from + "), got " + to + ": the range is empty");
            }
            checkPrecision(in, f, relative, precision, to - from, type);
            atLeastOne(in, "replicates", replicates);
            atLeastOne(in, "probes", probes);
            atLeastOne(in, "max-rounds", rounds);
            long firstRound = (long) (probes + 2) * replicates;
            if (replicates >= 1 && probes >= 1 && maxSimulations < firstRound) {
                in.problem("max-simulations", maxSimulations + " is below one round: the first round of each"
                        + " configuration runs (probes + 2) × replicates = " + firstRound + " simulations");
            }
        }
        problems.addAll(in.problemsUnder(SECTION));
        if (problems.size() > before || type == null) {
            return null;
        }
        return new FrontierSpec(path, from, to, passesBelow, criterion, precision, relative, replicates, probes, rounds,
                maxSimulations, type != ParameterType.DOUBLE);
    }

    private void checkPrecision(StrictReader in, Config f, boolean relative, double precision, double range,
                                ParameterType type) {
        if (f.hasPath("precision") == relative) {
            problems.add(SECTION + ": needs exactly one of precision (absolute, in the parameter's unit) and"
                    + " relative-precision (a fraction of x*)" + StrictReader.originOf(f.root()));
            return;
        }
        String key = relative ? "relative-precision" : "precision";
        boolean whole = type != null && type != ParameterType.DOUBLE;
        if (!(precision > 0)) {
            in.problem(key, "must be > 0, got " + precision);
        } else if (relative && whole) {
            in.problem(key, f.getString("path") + " takes whole numbers only; give an absolute precision of at least 1");
        } else if (relative && precision >= 1) {
            in.problem(key, "must be below 1 (a fraction of x*), got " + precision);
        } else if (!relative && whole && precision != Math.rint(precision)) {
            in.problem(key, f.getString("path") + " takes whole numbers only; a precision of " + precision
                    + " cannot be reached, use a whole number ≥ 1");
        } else if (!relative && range > 0 && precision >= range) {
            in.problem(key, precision + " is not smaller than the range (to - from = " + range + "); nothing to search");
        }
    }

    private static void atLeastOne(StrictReader in, String key, long value) {
        if (value < 1) {
            in.problem(key, "must be ≥ 1, got " + value);
        }
    }

    private static boolean passesBelow(String s) {
        return switch (s) {
            case "below" -> true;
            case "above" -> false;
            default -> throw new IllegalArgumentException(s);
        };
    }

    private void rejectWithFrontier(Config file, String key, String why) {
        if (file.hasPath(key)) {
            problems.add(key + ": " + why + StrictReader.originOf(file.getValue(key)));
        }
    }

    /** The searched parameter is the probes' own: an axis (a path, a zip member, a sampled range) may not set it. */
    private void rejectOnAxis(Config file, String path) {
        if (!file.hasPath("axes") || file.getValue("axes").valueType() != ConfigValueType.LIST) {
            return;
        }
        ConfigList axes = (ConfigList) file.getValue("axes");
        for (int i = 0; i < axes.size(); i++) {
            if (!(axes.get(i) instanceof ConfigObject axis)) {
                continue;
            }
            List<String> at = new ArrayList<>();
            collectPath(axis, "axes[" + i + "]", path, at);
            for (String member : List.of("zip", "ranges")) {
                if (axis.get(member) instanceof ConfigList list) {
                    for (int k = 0; k < list.size(); k++) {
                        if (list.get(k) instanceof ConfigObject m) {
                            collectPath(m, "axes[" + i + "]." + member + "[" + k + "]", path, at);
                        }
                    }
                }
            }
            for (String where : at) {
                problems.add(where + ".path: " + path + " is the parameter frontier.path searches; it cannot also be"
                        + " on an axis (the other axes make the configurations)" + StrictReader.originOf(axis));
            }
        }
    }

    private static void collectPath(ConfigObject obj, String at, String path, List<String> out) {
        ConfigValue p = obj.get("path");
        if (p != null && p.valueType() == ConfigValueType.STRING && path.equals(p.unwrapped())) {
            out.add(at);
        }
    }
}
