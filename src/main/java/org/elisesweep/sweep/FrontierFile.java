package org.elisesweep.sweep;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.elisesweep.model.Sha256;

/**
 * Reads a sweep file with a {@code frontier} section into a {@link FrontierPlan}, after validating
 * all of it. The section is read by {@link FrontierReader}; the rest of the file is an ordinary sweep
 * file ({@link SweepFile}) whose points are the configurations, validated with one more axis, the
 * searched parameter at the two ends of its range, so that every configuration is checked at both
 * ends by the validation every point gets. Problems of that axis are named by the frontier's keys.
 */
public final class FrontierFile {
    private FrontierFile() {
    }

    /** Whether the sweep file has a frontier section (false when it cannot be read: {@link SweepFile#load} says why). */
    public static boolean declaresFrontier(Path file) {
        try {
            return Files.isRegularFile(file) && ConfigFactory.parseFile(file.toFile()).hasPath(FrontierReader.SECTION);
        } catch (ConfigException e) {
            return false;
        }
    }

    /**
     * Parses and validates a sweep file with a frontier section; pattern files are relative to its directory.
     *
     * @throws ConfigProblems listing every problem, each naming its path in the file
     */
    public static FrontierPlan load(Path file) {
        return parse(SweepFile.read(file), file.toString(), file.toAbsolutePath().getParent());
    }

    /**
     * Parses and validates a sweep with a frontier section, given as a Config.
     *
     * @throws ConfigProblems listing every problem, each naming its path in the file
     */
    public static FrontierPlan parse(Config config, String sourceName, Path baseDir) {
        Config resolved = SweepFile.resolve(config, sourceName);
        if (!resolved.hasPath(FrontierReader.SECTION)) {
            throw new ConfigProblems(sourceName, List.of("frontier: missing; this sweep file has no frontier section"));
        }
        List<String> problems = new ArrayList<>();
        FrontierSpec spec = new FrontierReader(problems, baseDir).read(resolved);
        Config rest = resolved.withoutPath(FrontierReader.SECTION);
        boolean axesAList = !rest.hasPath("axes") || rest.getValue("axes").valueType() == ConfigValueType.LIST;
        int endsAxis = spec == null || !axesAList ? -1 : rest.hasPath("axes") ? ((ConfigList) rest.getValue("axes")).size() : 0;
        if (endsAxis >= 0) {
            List<ConfigValue> axes = rest.hasPath("axes") ? new ArrayList<>((ConfigList) rest.getValue("axes"))
                    : new ArrayList<>();
            ConfigValue ends = endsAxis(spec, rest, problems);
            if (ends != null) {
                axes.add(ends);
                // a clamp field's ends carry the whole scenario list, which base then no longer fixes
                if (ScenarioField.isOne(spec.path())) {
                    rest = rest.withoutPath("base." + ParameterCatalog.REPLAY_SCENARIOS);
                }
                rest = rest.withValue("axes", ConfigValueFactory.fromIterable(axes));
            } else {
                throw new ConfigProblems(sourceName, problems);
            }
        }
        SweepPlan ends = null;
        try {
            ends = SweepFile.parse(rest, sourceName, baseDir);
        } catch (ConfigProblems e) {
            e.problems().forEach(p -> problems.add(named(p, endsAxis, spec)));
        }
        if (!problems.isEmpty() || spec == null || endsAxis < 0) {
            throw new ConfigProblems(sourceName, problems);
        }
        String configHash = Sha256.hex(resolved.root().render(ConfigRenderOptions.concise()));
        return new FrontierPlan(spec, ends, configHash, ends.warnings().stream().map(w -> named(w, endsAxis, spec)).toList());
    }

    /**
     * The axis over the two ends of the range, so that each configuration is validated there: over
     * the searched parameter, or for a clamp scenario's field over {@code replay.scenarios} with the
     * field set to each end (null, with a problem, when the list has no clamp of that name).
     */
    private static ConfigValue endsAxis(FrontierSpec spec, Config rest, List<String> problems) {
        if (!ScenarioField.isOne(spec.path())) {
            return ConfigValueFactory.fromMap(Map.of("path", spec.path(), "values", List.of(spec.from(), spec.to())),
                    "the ends of the frontier's range");
        }
        ScenarioField field = ScenarioField.of(spec.path());
        String base = "base." + ParameterCatalog.REPLAY_SCENARIOS;
        String scenarios = rest.hasPath(base) ? ParameterType.canonicalJson(rest.getValue(base))
                : (String) ParameterCatalog.INSTANCE.get(ParameterCatalog.REPLAY_SCENARIOS).defaultValue();
        try {
            List<ConfigValue> values = new java.util.ArrayList<>();
            for (double end : new double[] {spec.from(), spec.to()}) {
                values.add(ConfigFactory.parseString("v = " + field.apply(scenarios, field.type().fromNumber(end)))
                        .getValue("v"));
            }
            return ConfigValueFactory.fromMap(Map.of("path", ParameterCatalog.REPLAY_SCENARIOS, "values",
                    ConfigValueFactory.fromIterable(values)), "the ends of the frontier's range");
        } catch (IllegalArgumentException e) {
            problems.add("frontier.path: " + e.getMessage());
            return null;
        }
    }

    /**
     * A problem of the validation axis of the range's ends, named by the frontier's keys: its values
     * are frontier.from and frontier.to, a point at one of them (PointValidator's "axes[N] path = value")
     * says which.
     */
    private static String named(String problem, int endsAxis, FrontierSpec spec) {
        if (endsAxis < 0) {
            return problem;
        }
        String axis = "axes[" + endsAxis + "]";
        Matcher point = Pattern.compile(Pattern.quote(axis + " " + spec.path() + " = ") + "([^,:]+)").matcher(problem);
        StringBuilder out = new StringBuilder();
        while (point.find()) {
            double value;
            try {
                value = Double.parseDouble(point.group(1));
            } catch (NumberFormatException listValued) {
                continue;   // the ends of a clamp scenario's field: the problem names them as it is
            }
            String end = value == spec.from() ? "from" : "to";
            point.appendReplacement(out, Matcher.quoteReplacement("frontier." + end + " (" + spec.path() + " = "
                    + point.group(1) + ")"));
        }
        point.appendTail(out);
        return out.toString().replace(axis + ".values[0]", "frontier.from").replace(axis + ".values[1]", "frontier.to")
                .replace(axis, "frontier");
    }
}
