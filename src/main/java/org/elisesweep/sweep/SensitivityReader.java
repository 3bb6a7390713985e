package org.elisesweep.sweep;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Reads the {@code sensitivity} section of a sweep file into a {@link SensitivitySpec} and its
 * design's points. Its {@code ranges} are read like those of a sampled block ({@link AxisReader}),
 * so a parameter path, a range and a log range are checked the same way; every problem names its
 * path (e.g. {@code sensitivity.ranges[1].to}) and is appended to the sweep file's problems.
 *
 * <p>A sensitivity sweep varies only its section's parameters: the others are fixed (defaults and
 * {@code base}); it has no axes and does not continue stored networks.
 */
final class SensitivityReader {
    private static final List<String> OUTPUTS = SensitivitySpec.OUTPUTS;
    private static final List<String> KEYS = List.of("method", "n", "levels", "seed", "ranges", "outputs", "failures",
            "substitute", "bootstrap", "confidence", "max-width");
    private static final String AT = "sensitivity";
    static final int DEFAULT_BOOTSTRAP = 1000;
    static final double DEFAULT_CONFIDENCE = 0.95;
    static final double DEFAULT_MAX_WIDTH = 0.1;

    private final ParameterCatalog known;
    private final PatternFiles patterns;
    private final List<String> problems;
    private final List<String> warnings;

    /** Appends to {@code problems} and {@code warnings}. */
    SensitivityReader(ParameterCatalog known, PatternFiles patterns, List<String> problems, List<String> warnings) {
        this.known = known;
        this.patterns = patterns;
        this.problems = problems;
        this.warnings = warnings;
    }

    /** See {@link SensitivitySpec#parse}. */
    static SensitivitySpec parse(String section, String source) {
        List<String> problems = new ArrayList<>();
        SensitivitySpec spec = new SensitivityReader(ParameterCatalog.INSTANCE, new PatternFiles(null), problems,
                new ArrayList<>()).read(ConfigFactory.parseString(section).root());
        if (spec == null) {
            throw new ConfigProblems(source, problems);
        }
        return spec;
    }

    /** The section, or null with problems. */
    SensitivitySpec read(ConfigValue value) {
        if (value.valueType() != ConfigValueType.OBJECT) {
            problems.add(AT + ": expected an object such as { method = sobol, n = 64, ranges = [ ... ], outputs = ["
                    + " replay_mean_sumcorr ] }" + StrictReader.originOf(value));
            return null;
        }
        Config s = ((ConfigObject) value).toConfig();
        int before = problems.size();
        StrictReader in = new StrictReader(s);
        in.rejectUnknownKeys(KEYS, "a sensitivity section");
        SensitivitySpec.Method method = s.hasPath("method")
                ? in.getChoice("method", "sobol, morris", SensitivitySpec.Method::parse, null) : null;
        if (!s.hasPath("method")) {
            in.problem("method", "missing; use sobol (variance-based indices) or morris (elementary effects)");
        }
        int n = 0;
        if (!s.hasPath("n")) {
            in.problem("n", "missing; sobol: the base sample size N, morris: the number of trajectories r");
        } else {
            n = in.getInt("n");
        }
        int levels = s.hasPath("levels") ? in.getInt("levels") : 0;
        long seed = s.hasPath("seed") ? in.getLong("seed") : 0L;
        int bootstrap = s.hasPath("bootstrap") ? in.getInt("bootstrap") : DEFAULT_BOOTSTRAP;
        double confidence = s.hasPath("confidence") ? in.getDouble("confidence") : DEFAULT_CONFIDENCE;
        double maxWidth = s.hasPath("max-width") ? in.getDouble("max-width") : DEFAULT_MAX_WIDTH;
        Double substitute = failures(s, in);
        if (in.problems().isEmpty()) {
            checkNumbers(in, method, n, levels, s.hasPath("levels"), bootstrap, confidence, maxWidth);
        }
        problems.addAll(in.problemsUnder(AT));
        List<String> outputs = outputs(s);
        List<SensitivitySpec.Factor> factors = factors(s);
        if (problems.size() > before || method == null || factors == null || outputs == null) {
            return null;
        }
        String section = s.root().render(ConfigRenderOptions.concise());
        SensitivitySpec spec = new SensitivitySpec(method, factors, n, method == SensitivitySpec.Method.MORRIS ? levels : 0,
                seed, outputs, substitute, bootstrap, confidence, maxWidth, section);
        if (spec.points() > SweepFile.MAX_POINTS) {
            problems.add(AT + ".n: " + spec.points() + " points is more than the " + SweepFile.MAX_POINTS
                    + " a sweep may have; lower n");
            return null;
        }
        warn(spec);
        return spec;
    }

    private void checkNumbers(StrictReader in, SensitivitySpec.Method method, int n, int levels, boolean hasLevels,
                              int bootstrap, double confidence, double maxWidth) {
        if (method != null && n < method.minimum()) {
            in.problem("n", "must be ≥ " + method.minimum() + " for " + method.key() + " (got " + n + ")");
        }
        if (method == SensitivitySpec.Method.MORRIS && (!hasLevels || levels < 2 || levels % 2 != 0)) {
            in.problem("levels", (hasLevels ? "must be an even number ≥ 2 (got " + levels + ")" : "missing")
                    + "; morris needs the number of grid levels p, e.g. levels = 4");
        }
        if (method == SensitivitySpec.Method.SOBOL && hasLevels) {
            in.problem("levels", "is for morris; a sobol design has no levels");
        }
        if (bootstrap < 100) {
            in.problem("bootstrap", "must be ≥ 100 resamples (got " + bootstrap + ")");
        }
        if (!(confidence > 0 && confidence < 1)) {
            in.problem("confidence", "must be between 0 and 1, e.g. 0.95 (got " + confidence + ")");
        }
        if (!(maxWidth > 0) || Double.isInfinite(maxWidth)) {
            in.problem("max-width", "must be a finite number > 0 (got " + maxWidth + ")");
        }
    }

    /** The substitute value, or null to drop (failures = drop, the default). */
    private static Double failures(Config s, StrictReader in) {
        String policy = s.hasPath("failures") ? in.getString("failures") : "drop";
        if (!policy.equals("drop") && !policy.equals("substitute")) {
            in.problem("failures", "'" + policy + "' is not allowed; use drop (leave out affected rows) or substitute"
                    + " (use the value of substitute)");
            return null;
        }
        if (policy.equals("drop")) {
            if (s.hasPath("substitute")) {
                in.problem("substitute", "is used only with failures = substitute");
            }
            return null;
        }
        if (!s.hasPath("substitute")) {
            in.problem("substitute", "missing; failures = substitute needs the value that replaces a failed result");
            return null;
        }
        double x = in.getDouble("substitute");
        if (!Double.isFinite(x)) {
            in.problem("substitute", "must be a finite number (got " + x + ")");
        }
        return x;
    }

    private List<String> outputs(Config s) {
        String at = AT + ".outputs";
        if (!s.hasPath("outputs") || s.getValue("outputs").valueType() != ConfigValueType.LIST
                || s.getList("outputs").isEmpty()) {
            problems.add(at + ": expected a non-empty list of runs columns, e.g. [replay_mean_sumcorr]; allowed: "
                    + String.join(", ", OUTPUTS) + StrictReader.originOf(s.hasPath("outputs") ? s.getValue("outputs") : s.root()));
            return null;
        }
        List<String> out = new ArrayList<>();
        List<? extends ConfigValue> items = s.getList("outputs");
        for (int k = 0; k < items.size(); k++) {
            Object name = items.get(k).unwrapped();
            if (!(name instanceof String o) || !OUTPUTS.contains(o)) {
                problems.add(at + "[" + k + "]: unknown output '" + name + "'"
                        + StrictReader.suggestion(String.valueOf(name), OUTPUTS) + "; a numeric runs column: "
                        + String.join(", ", OUTPUTS) + StrictReader.originOf(items.get(k)));
                return null;
            }
            if (out.contains(o)) {
                problems.add(at + "[" + k + "]: repeats " + o + StrictReader.originOf(items.get(k)));
                return null;
            }
            out.add(o);
        }
        return out;
    }

    /** The ranges, read and checked as a sampled block's are. */
    private List<SensitivitySpec.Factor> factors(Config s) {
        AxisReader axes = new AxisReader(known, patterns, problems, warnings, new PointBudget(SweepFile.MAX_POINTS));
        List<AxisReader.SampledRange> ranges = axes.sampledRanges(s, AT);
        if (ranges == null) {
            return null;
        }
        List<SensitivitySpec.Factor> out = new ArrayList<>();
        for (int k = 0; k < ranges.size(); k++) {
            AxisReader.SampledRange r = ranges.get(k);
            if (out.stream().anyMatch(f -> f.path().equals(r.path()))) {
                problems.add(r.pathLocation() + ": " + r.path() + " is already in " + AT + ".ranges; list each parameter once");
                return null;
            }
            out.add(new SensitivitySpec.Factor(r.path(), r.range().from(), r.range().to(), r.range().log(),
                    r.type() != ParameterType.DOUBLE));
        }
        return out;
    }

    private void warn(SensitivitySpec spec) {
        if (spec.method() == SensitivitySpec.Method.SOBOL && !Sampler.isPowerOfTwo(spec.n())) {
            int lower = Integer.highestOneBit(spec.n());
            warnings.add(AT + ".n: " + spec.n() + " is not a power of two; the Sobol sequence is balanced only over 2^m"
                    + " points (use " + lower + " or " + 2L * lower + ")");
        }
        for (SensitivitySpec.Factor f : spec.factors()) {
            if (f.integer()) {
                warnings.add(AT + " " + f.path() + ": values rounded to whole numbers (an integer parameter); the"
                        + " indices describe the rounded parameter");
            }
        }
    }

    /**
     * What a sensitivity sweep may not have: axes (a parameter on one of them and in the section is
     * named as such), a base value of an analysed parameter, stored networks.
     */
    void rejectOthers(SensitivitySpec spec, List<Axis> axes, Map<String, String> baseOrigins, boolean fromNetworks,
                      String sectionOrigin) {
        List<String> analysed = spec.factors().stream().map(SensitivitySpec.Factor::path).toList();
        for (Axis axis : axes) {
            boolean named = false;
            for (int k = 0; k < axis.paths().size(); k++) {
                if (analysed.contains(axis.paths().get(k))) {
                    problems.add(axis.pathLocations().get(k) + ": " + axis.paths().get(k) + " is also in " + AT
                            + ".ranges[" + analysed.indexOf(axis.paths().get(k)) + "]; a parameter is either analysed"
                            + " or on an axis" + axis.origin());
                    named = true;
                }
            }
            if (!named) {
                problems.add(axis.label() + ": a sensitivity sweep has no axes; it varies only the parameters of " + AT
                        + ".ranges (fix the others in base; one sensitivity sweep per setting)" + axis.origin());
            }
        }
        for (String path : analysed) {
            if (baseOrigins.containsKey(path)) {
                problems.add("base." + path + ": is also in " + AT + ".ranges[" + analysed.indexOf(path) + "]; a"
                        + " parameter is either fixed in base or analysed" + baseOrigins.get(path));
            }
        }
        if (fromNetworks) {
            problems.add(AT + ": a sensitivity sweep trains its own networks; remove from-networks" + sectionOrigin);
        }
    }

    /** The design as one axis ({@code sensitivity}) whose rows are the design's points, typed. */
    static Axis axis(SensitivityDesign design, String origin) {
        List<SensitivitySpec.Factor> factors = design.spec().factors();
        ParameterCatalog known = ParameterCatalog.INSTANCE;
        List<List<Object>> rows = new ArrayList<>();
        for (SensitivityDesign.Point p : design.points()) {
            double[] x = design.values(p);
            List<Object> row = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                row.add(known.type(factors.get(i).path()).fromNumber(x[i]));
            }
            rows.add(row);
        }
        List<String> paths = factors.stream().map(SensitivitySpec.Factor::path).toList();
        List<String> locations = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            locations.add(AT + ".ranges[" + i + "].path");
        }
        return new Axis(AT, paths, locations, rows, origin);
    }

    /** The points of {@code grid}, whose only axis is {@link #axis}, each with its role. */
    static List<SweepPoint> points(SensitivityDesign design, PointGrid grid) {
        List<SweepPoint> out = new ArrayList<>();
        for (int n = 0; n < design.points().size(); n++) {
            SortedMap<String, Object> parameters = grid.parameters(grid.positions(n));
            out.add(SweepPoint.of(parameters, design.points().get(n).role().text()));
        }
        return out;
    }
}
