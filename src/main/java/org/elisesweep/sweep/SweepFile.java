package org.elisesweep.sweep;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.elisesweep.model.Sha256;

/**
 * Reads a sweep file (HOCON; the format is documented in {@code docs/sweep-files.md} and
 * at the top of {@code conf/quickstart.conf}) into a {@link SweepPlan}, after validating all of
 * it: nothing runs unless every point is a valid simulation.
 *
 * <p>Every problem is collected and thrown together in one {@link ConfigProblems}, each naming its
 * path in the file (e.g. {@code axes[2].values[1]}) and, where known, its file and line. The
 * file's structure, keys and value types come first; then every point (or, for very large sweeps,
 * a selection, see {@link PointValidator}) goes through {@link SimulationConfig#parse}. Points
 * are built from the parts of the file that are valid, so both kinds of problems appear at once.
 *
 * <p>Points are the cartesian product of the axes in file order, the first axis varying slowest;
 * a zip group or a sampled block is one axis. Their ids ({@link SweepPoint#idOf}) depend on
 * their parameters only, so reordering axes reorders points without changing any id.
 */
public final class SweepFile {
    private static final List<String> KEYS = List.of("name", "seed", "replicates", "seeding", "base", "axes", "execution",
            "store-networks", "from-networks", "sensitivity");
    private static final List<String> FROM_NETWORKS_KEYS = List.of("output", "sweep");
    /** What a sweep on stored networks may set: only what acts after training. */
    private static final List<String> AFTER_TRAINING = List.of("replay.", "noise.");
    private static final List<String> EXECUTION_KEYS = List.of("time-budget", "fail-fast", "task-seconds", "lockstep");
    private static final String NAME_PATTERN = "[A-Za-z0-9_-]+";
    /** A plan holds its points and runs in memory; beyond these, split the sweep. */
    static final long MAX_POINTS = 1_000_000;
    static final long MAX_SIMULATIONS = 10_000_000;

    private final Config config;
    private final String source;
    private final ParameterCatalog known = ParameterCatalog.INSTANCE;
    private final PatternFiles patterns;
    private final List<String> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final PointBudget budget = new PointBudget(MAX_POINTS);

    private SweepFile(Config config, String source, Path baseDir) {
        this.config = config;
        this.source = source;
        this.patterns = new PatternFiles(baseDir);
    }

    /**
     * Parses and validates a sweep file; pattern files are relative to its directory.
     *
     * @throws ConfigProblems listing every problem, each naming its path in the file
     */
    public static SweepPlan load(Path file) {
        return parse(read(file), file.toString(), file.toAbsolutePath().getParent());
    }

    /** The HOCON of a sweep file, unresolved; also read by {@link FrontierFile}. */
    static Config read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigProblems(file.toString(), List.of("no such sweep file (" + file.toAbsolutePath() + ")"));
        }
        try {
            return ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
        } catch (ConfigException e) {
            throw new ConfigProblems(file.toString(), List.of(e.getMessage()));
        }
    }

    /**
     * Parses and validates a sweep given as a Config.
     *
     * @param sourceName names the sweep in messages and in {@link SweepPlan#sourceFile()}
     * @param baseDir    the directory relative pattern files are read from (null: the working directory)
     * @throws ConfigProblems listing every problem, each naming its path in the file
     */
    public static SweepPlan parse(Config config, String sourceName, Path baseDir) {
        return new SweepFile(resolve(config, sourceName), sourceName, baseDir).plan();
    }

    /** {@code config} with its substitutions resolved; also used by {@link FrontierFile}. */
    static Config resolve(Config config, String sourceName) {
        try {
            return config.resolve();
        } catch (ConfigException e) {
            throw new ConfigProblems(sourceName, List.of(e.getMessage()));
        }
    }

    private SweepPlan plan() {
        StrictReader in = new StrictReader(config);
        rejectUnknownTopLevelKeys();
        String name = name(in);
        long seed = config.hasPath("seed") ? in.getLong("seed") : 1L;
        long replicates = config.hasPath("replicates") ? in.getLong("replicates") : 1;
        if (config.hasPath("replicates") && replicates < 1) {
            in.problem("replicates", "must be ≥ 1 (got " + replicates + ")");
        }
        Seeding seeding = config.hasPath("seeding")
                ? in.getChoice("seeding", "common, per-point", Seeding::parse, Seeding.COMMON) : Seeding.COMMON;
        problems.addAll(in.problems());
        Execution execution = execution();

        SweepPlan.Networks networks = networks();

        Map<String, String> baseOrigins = new HashMap<>();
        SortedMap<String, Object> fixed = new TreeMap<>(known.defaults());
        fixed.putAll(base(baseOrigins));
        List<Axis> axes = withoutDuplicatePaths(axes(), baseOrigins.keySet());
        SensitivitySpec sensitivity = sensitivity(axes, baseOrigins, networks);
        SensitivityDesign design = sensitivity == null ? null : SensitivityDesign.of(sensitivity);
        if (design != null) {
            axes = List.of(SensitivityReader.axis(design, StrictReader.originOf(config.getValue("sensitivity"))));
        }
        if (networks.source() != null) {
            SortedSet<String> set = new TreeSet<>(baseOrigins.keySet());
            axes.forEach(a -> set.addAll(a.paths()));
            rejectTrainingParameters(baseOrigins, axes);
            networks = new SweepPlan.Networks(false, networks.source(), set);
        }

        List<SweepPoint> points = List.of();
        PointGrid grid = new PointGrid(axes, fixed, patterns);
        // past the budget (reported at the axis that exceeds it) the grid lacks that axis: build none of its points
        boolean fits = !budget.exceeded();
        if (fits && replicates > MAX_SIMULATIONS / grid.size()) { // points × replicates > limit, without overflow
            problems.add("replicates: " + grid.size() + " points × " + replicates + " replicates is more than the "
                    + MAX_SIMULATIONS + " simulations a sweep file may have; split it into several sweeps");
            fits = false;
        }
        if (fits) {
            if (networks.source() == null) {
                // a sweep on stored networks is checked point by point once the networks are known
                problems.addAll(new PointValidator(known, grid, baseOrigins).problems(warnings));
            }
            points = design == null ? grid.points() : SensitivityReader.points(design, grid);
            rejectIdenticalPoints(grid, points);
        }
        if (!problems.isEmpty()) {
            throw new ConfigProblems(source, problems);
        }
        String configHash = Sha256.hex(config.root().render(ConfigRenderOptions.concise()));
        return new SweepPlan(name, source, configHash, seed, (int) replicates, seeding, points, execution, warnings,
                networks, null, sensitivity);
    }

    /** The {@code sensitivity} section, or null when there is none or it is invalid (reported). */
    private SensitivitySpec sensitivity(List<Axis> axes, Map<String, String> baseOrigins, SweepPlan.Networks networks) {
        if (!config.hasPath("sensitivity")) {
            return null;
        }
        SensitivityReader reader = new SensitivityReader(known, patterns, problems, warnings);
        SensitivitySpec spec = reader.read(config.getValue("sensitivity"));
        if (spec != null) {
            reader.rejectOthers(spec, axes, baseOrigins, networks.source() != null,
                    StrictReader.originOf(config.getValue("sensitivity")));
        }
        return spec;
    }

    /** {@code store-networks} and {@code from-networks}, checked against each other and the seeding keys. */
    private SweepPlan.Networks networks() {
        StrictReader in = new StrictReader(config);
        boolean store = config.hasPath("store-networks") && in.getBoolean("store-networks");
        problems.addAll(in.problems());
        if (!config.hasPath("from-networks")) {
            return new SweepPlan.Networks(store, null, new TreeSet<>());
        }
        ConfigValue value = config.getValue("from-networks");
        if (value.valueType() != ConfigValueType.OBJECT) {
            problems.add("from-networks: expected an object such as { output = out/latent-size, sweep = latent-size }"
                    + StrictReader.originOf(value));
            return SweepPlan.Networks.NONE;
        }
        Config from = config.getConfig("from-networks");
        StrictReader f = new StrictReader(from);
        f.rejectUnknownKeys(FROM_NETWORKS_KEYS, "from-networks");
        String output = null;
        if (!from.hasPath("output")) {
            f.problem("output", "missing: the output directory of the sweep that stored the networks");
        } else {
            output = f.getString("output");
        }
        String sweep = from.hasPath("sweep") ? f.getString("sweep") : null;
        if (sweep != null && f.problems().isEmpty() && !sweep.matches(NAME_PATTERN)) {
            f.problem("sweep", "'" + sweep + "' is not a sweep name (letters, digits, - and _)");
        }
        problems.addAll(f.problemsUnder("from-networks"));
        for (String key : List.of("seed", "replicates", "seeding", "store-networks")) {
            if (config.hasPath(key)) {
                problems.add(key + ": a sweep on stored networks (from-networks) continues each stored network with its "
                        + "own seed and replicate and stores none; remove " + key + StrictReader.originOf(config.getValue(key)));
            }
        }
        return output == null || !f.problems().isEmpty() ? SweepPlan.Networks.NONE
                : new SweepPlan.Networks(false, new SweepPlan.NetworkSource(output, sweep), new TreeSet<>());
    }

    /** A sweep on stored networks may set only what acts after training (replay.*, noise.*). */
    private void rejectTrainingParameters(Map<String, String> baseOrigins, List<Axis> axes) {
        String why = ": a sweep on stored networks (from-networks) sets only what acts after training (replay.* and"
                + " noise.*); the stored networks fix ";
        new TreeMap<>(baseOrigins).forEach((path, origin) -> {
            if (AFTER_TRAINING.stream().noneMatch(path::startsWith)) {
                problems.add("base." + path + why + path + origin);
            }
        });
        for (Axis axis : axes) {
            for (int k = 0; k < axis.paths().size(); k++) {
                String path = axis.paths().get(k);
                if (AFTER_TRAINING.stream().noneMatch(path::startsWith)) {
                    problems.add(axis.pathLocations().get(k) + why + path + axis.origin());
                }
            }
        }
    }

    private void rejectUnknownTopLevelKeys() {
        Set<String> parameterGroups = Set.of("model", "training", "replay", "pattern");
        for (String key : config.root().keySet()) {
            if (parameterGroups.contains(key)) {
                problems.add(key + ": simulation parameters go into base { " + key + " { ... } } or an axis, not at"
                        + " the top level" + StrictReader.originOf(config.root().get(key)));
            }
        }
        Config rest = config.withoutPath("model").withoutPath("training").withoutPath("replay").withoutPath("pattern");
        StrictReader in = new StrictReader(rest);
        in.rejectUnknownKeys(KEYS, "a sweep file");
        problems.addAll(in.problems());
    }

    private String name(StrictReader in) {
        if (!config.hasPath("name")) {
            problems.add("name: missing; every sweep needs a name of letters, digits, - and _ (e.g. name = quickstart)");
            return "";
        }
        String name = in.getString("name");
        if (in.problems().isEmpty() && !name.matches(NAME_PATTERN)) {
            in.problem("name", "'" + name + "' may contain only letters, digits, - and _");
        }
        return name;
    }

    private Execution execution() {
        if (!config.hasPath("execution")) {
            return Execution.DEFAULTS;
        }
        if (config.getValue("execution").valueType() != ConfigValueType.OBJECT) {
            problems.add("execution: expected an object such as { time-budget = 1h, fail-fast = 0, task-seconds = 20 }"
                    + StrictReader.originOf(config.getValue("execution")));
            return Execution.DEFAULTS;
        }
        Config ex = config.getConfig("execution");
        StrictReader in = new StrictReader(ex);
        in.rejectUnknownKeys(EXECUTION_KEYS, "execution");
        Execution d = Execution.DEFAULTS;
        Duration budget = ex.hasPath("time-budget") ? in.getDuration("time-budget") : d.timeBudget();
        int failFast = ex.hasPath("fail-fast") ? in.getInt("fail-fast") : d.failFast();
        double taskSeconds = ex.hasPath("task-seconds") ? in.getDouble("task-seconds") : d.taskSeconds();
        int lockstep = d.lockstep();
        if (ex.hasPath("lockstep")) {
            String allowed = "must be auto or a whole number ≥ 1 (1 = off), got ";
            ConfigValue value = ex.getValue("lockstep");
            Object raw = value.unwrapped();
            if ("auto".equals(raw)) {
                lockstep = Execution.LOCKSTEP_AUTO;
            } else if (raw instanceof String text && !text.strip().matches("[+-]?[0-9]+")) {
                // one line naming what is allowed, not a number reader's complaint and then this
                in.problem("lockstep", allowed + value.render());
            } else {
                int found = in.problems().size();
                lockstep = in.getInt("lockstep");
                if (in.problems().size() == found && lockstep < 1) {
                    in.problem("lockstep", allowed + lockstep);
                }
            }
        }
        if (budget.isNegative()) {
            in.problem("time-budget", "must be ≥ 0 (0 = no limit), got " + budget);
        }
        if (failFast < 0) {
            in.problem("fail-fast", "must be ≥ 0 (0 = off), got " + failFast);
        }
        if (!(taskSeconds > 0) || Double.isInfinite(taskSeconds)) {
            in.problem("task-seconds", "must be a finite number > 0, got " + taskSeconds);
        }
        problems.addAll(in.problemsUnder("execution"));
        return in.problems().isEmpty() ? new Execution(budget, failFast, taskSeconds, lockstep) : d;
    }

    /** The valid entries of {@code base}, typed; records where each was set. */
    private SortedMap<String, Object> base(Map<String, String> origins) {
        SortedMap<String, Object> out = new TreeMap<>();
        if (!config.hasPath("base")) {
            return out;
        }
        if (config.getValue("base").valueType() != ConfigValueType.OBJECT) {
            problems.add("base: expected an object of simulation parameters such as base { training.cycles = 300 }"
                    + StrictReader.originOf(config.getValue("base")));
            return out;
        }
        Config base = config.getConfig("base");
        StrictReader in = new StrictReader(base);
        in.rejectUnknownKeys(base, known.defaultsConfig(), Set.of());
        problems.addAll(in.problemsUnder("base"));
        SortedMap<String, ConfigValue> entries = new TreeMap<>();
        base.entrySet().forEach(e -> entries.put(e.getKey(), e.getValue()));
        for (Map.Entry<String, ConfigValue> e : entries.entrySet()) {
            String path = e.getKey();
            String origin = StrictReader.originOf(e.getValue());
            if (path.equals(ParameterCatalog.SEED)) {
                problems.add("base.seed: is chosen per replicate by the sweep; set the top-level seed (the base seed),"
                        + " replicates and seeding instead" + origin);
                continue;
            }
            if (!known.isKnown(path)) {
                continue; // reported above
            }
            try {
                Object value = known.type(path).convert(e.getValue());
                String patternProblem = path.equals(ParameterCatalog.PATTERN_SOURCE)
                        ? patterns.problemWith((String) value) : null;
                if (patternProblem != null) {
                    problems.add("base." + path + ": " + patternProblem + origin);
                    continue;
                }
                out.put(path, value);
                origins.put(path, origin);
            } catch (IllegalArgumentException ex) {
                problems.add("base." + path + ": " + ex.getMessage() + origin);
            }
        }
        return out;
    }

    /** The readable axes, in file order. */
    private List<Axis> axes() {
        List<Axis> out = new ArrayList<>();
        if (!config.hasPath("axes")) {
            return out;
        }
        ConfigValue value = config.getValue("axes");
        if (value.valueType() != ConfigValueType.LIST) {
            problems.add("axes: expected a list of axes such as [ { path = model.n-lat, values = [20, 30] } ]"
                    + StrictReader.originOf(value));
            return out;
        }
        AxisReader reader = new AxisReader(known, patterns, problems, warnings, budget);
        ConfigList list = (ConfigList) value;
        for (int i = 0; i < list.size(); i++) {
            Axis axis = reader.read(list.get(i), i);
            if (axis != null) {
                out.add(axis);
            }
        }
        return out;
    }

    /**
     * The axes minus any that varies a parameter already fixed in base or varied by an earlier
     * axis (reported): each parameter has one place in a sweep file, or its points are ambiguous.
     */
    private List<Axis> withoutDuplicatePaths(List<Axis> axes, Set<String> inBase) {
        Map<String, String> claimed = new HashMap<>();
        inBase.forEach(p -> claimed.put(p, "base." + p));
        List<Axis> out = new ArrayList<>();
        for (Axis axis : axes) {
            boolean duplicate = false;
            for (int k = 0; k < axis.paths().size(); k++) {
                String path = axis.paths().get(k);
                String first = claimed.putIfAbsent(path, axis.pathLocations().get(k));
                if (first != null) {
                    problems.add(axis.pathLocations().get(k) + ": " + path + " is already "
                            + (first.startsWith("base.") ? "fixed in " : "varied by ") + first
                            + "; a parameter is either fixed in base or varied by one axis (use zip to vary several"
                            + " together)" + axis.origin());
                    duplicate = true;
                }
            }
            if (!duplicate) {
                out.add(axis);
            }
        }
        return out;
    }

    /**
     * Two points with one id are one simulation listed twice: e.g. two pattern files with the same
     * content, or an axis on pattern.source while base sets pattern.inline (which wins).
     */
    private void rejectIdenticalPoints(PointGrid grid, List<SweepPoint> points) {
        Map<String, Integer> first = new HashMap<>();
        int reported = 0;
        for (int n = 0; n < points.size(); n++) {
            Integer earlier = first.putIfAbsent(points.get(n).pointId(), n);
            if (earlier != null && reported++ < 5) {
                problems.add("axes: points " + earlier + " (" + grid.describe(grid.positions(earlier)) + ") and " + n
                        + " (" + grid.describe(grid.positions(n)) + ") are the same simulation (id "
                        + points.get(n).pointId() + "): after defaults and pattern contents their parameters are equal");
            }
        }
        if (reported > 5) {
            problems.add("axes: " + (reported - 5) + " more pairs of identical points");
        }
    }
}
