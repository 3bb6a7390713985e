package org.elisesweep.sweep;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.elisesweep.model.Clamp;
import org.elisesweep.model.InvalidParametersException;
import org.elisesweep.model.ModelParams;
import org.elisesweep.model.NoiseParams;
import org.elisesweep.model.Pattern;
import org.elisesweep.model.PatternFormatException;
import org.elisesweep.model.PatternGenerator;
import org.elisesweep.model.PatternRecipe;
import org.elisesweep.model.Population;
import org.elisesweep.model.ProtocolParams;
import org.elisesweep.model.SimulationSpec;
import org.elisesweep.model.Violation;

/**
 * Turns a configuration (HOCON: a sweep file's parameters, or {@code --set path=value}
 * overrides), or a point's typed parameters, into a {@link SimulationSpec}. The parameters, their
 * types and defaults are those of the {@link ParameterCatalog}. Strict: every unknown key, wrong
 * type, out-of-range value and unusable pattern is reported at once, each with its path, in one
 * {@link ConfigProblems}.
 */
public final class SimulationConfig {
    private static final ParameterCatalog CATALOG = ParameterCatalog.INSTANCE;
    private static final Set<String> CLAMP_KEYS = Set.of("name", "cycle", "from-ms", "to-ms", "population",
            "first-neuron", "last-neuron", "fraction", "offset-mv");

    private SimulationConfig() {
    }

    /** Every parameter with its default value: {@code simulation-defaults.conf}. */
    public static Config defaults() {
        return CATALOG.defaultsConfig();
    }

    /**
     * The simulation that {@code overrides} (on top of the defaults) describes.
     *
     * @param source names the configuration in error messages (a file name, or "--set")
     * @throws ConfigProblems listing every problem found
     */
    public static SimulationSpec parse(Config overrides, String source) {
        Config defaults = defaults();
        StrictReader in = new StrictReader(overrides.withFallback(defaults).resolve());
        in.rejectUnknownKeys(overrides, defaults, Set.of("replay.scenarios"));
        SpecDraft draft = new SpecDraft();
        for (Parameter p : CATALOG.all()) {
            p.applyTo(draft, p.read(in));
        }
        return build(draft, new ArrayList<>(in.problems()), source);
    }

    /**
     * The simulation of a point's parameters (typed as {@link SweepPoint#parameters()} are, every
     * point parameter present) with {@code seed}: the one conversion from a planned run, a point
     * or a {@code runs} row to its spec, through the same validation as {@link #parse} and
     * without rendering the parameters to text.
     *
     * @param source names the simulation in error messages
     * @throws ConfigProblems listing every problem found
     */
    public static SimulationSpec spec(Map<String, Object> parameters, long seed, String source) {
        List<String> problems = new ArrayList<>();
        for (String path : parameters.keySet()) {
            if (!CATALOG.isKnown(path) || path.equals(ParameterCatalog.SEED)) {
                problems.add(path + ": unknown parameter" + CATALOG.suggestion(path));
            }
        }
        SpecDraft draft = new SpecDraft();
        for (Parameter p : CATALOG.all()) {
            Object value = p.path().equals(ParameterCatalog.SEED) ? seed : parameters.get(p.path());
            if (value == null) {
                problems.add(p.path() + ": missing; every point parameter is needed");
                value = p.defaultValue();
            }
            p.applyTo(draft, p.fromPoint(value, problems));
        }
        return build(draft, problems, source);
    }

    /** The records of a draft, validated; {@code problems} are those found while reading it. */
    private static SimulationSpec build(SpecDraft d, List<String> problems, String source) {
        ModelParams model = build(d.model::build, problems);
        ProtocolParams protocol = build(() -> new ProtocolParams(d.trainingCycles, d.validationPeriod, d.replayCycles,
                d.realignCycles, d.stepMs), problems);
        NoiseParams.MembraneNoise membrane = build(() -> new NoiseParams.MembraneNoise(d.membraneSigma, d.membraneTau,
                d.dendriteSigma, d.dendriteTau, d.membranePhase), problems);
        NoiseParams.TeacherNoise teacherNoise = build(() -> new NoiseParams.TeacherNoise(d.teacherSigma, d.teacherTau,
                d.jitterMs, d.teacherPhase), problems);
        NoiseParams.WeightNoise weightNoise = build(() -> new NoiseParams.WeightNoise(d.weightSigma, d.weightKind,
                d.deleteFraction), problems);
        Pattern pattern = pattern(d, problems);
        List<Clamp> clamps = List.of();
        if (model != null && pattern != null) {
            clamps = scenarios(d.scenarios, pattern.neurons(), model.nLat(),
                    (int) Math.round(d.stepMs / model.dt()) * pattern.steps(), model.dt(), problems);
        }
        SimulationSpec spec = null;
        if (problems.isEmpty()) {
            Pattern fpat = pattern;
            List<Clamp> fc = clamps;
            NoiseParams noise = new NoiseParams(membrane, teacherNoise, weightNoise);
            spec = build(() -> new SimulationSpec(model, protocol, fpat, fc, d.seed, noise), problems);
        }
        if (!problems.isEmpty()) {
            throw new ConfigProblems(source, problems);
        }
        return spec;
    }

    /**
     * The pattern of a point's {@code pattern.*} parameters (typed as {@link SweepPoint#parameters()}
     * are; missing ones at their defaults), without the rest of its simulation: e.g. its size for a cost
     * estimate.
     *
     * @throws ConfigProblems when the pattern cannot be made
     */
    public static Pattern pattern(Map<String, Object> parameters) {
        List<String> problems = new ArrayList<>();
        SpecDraft draft = new SpecDraft();
        for (Parameter p : CATALOG.all()) {
            if (p.path().startsWith("pattern.")) {
                Object value = parameters.get(p.path());
                p.applyTo(draft, p.fromPoint(value == null ? p.defaultValue() : value, problems));
            }
        }
        Pattern pattern = pattern(draft, problems);
        if (!problems.isEmpty()) {
            throw new ConfigProblems("pattern", problems);
        }
        return pattern;
    }

    /**
     * The draft's pattern: generated when {@code pattern.generator} is not none (then
     * {@code pattern.source} and {@code pattern.inline} must be left at their defaults), else
     * {@code pattern.inline} when not empty, else {@code pattern.source}; null with problems added.
     */
    private static Pattern pattern(SpecDraft d, List<String> problems) {
        PatternRecipe recipe = build(() -> new PatternRecipe(d.patternGenerator, d.patternSeed, d.patternNeurons,
                d.patternSteps, d.activeMin, d.activeMax, d.markovOrder, d.syllables, d.syllableSteps, d.motif,
                d.motifLength), problems);
        if (recipe == null) {
            return null;
        }
        if (recipe.generator() != PatternGenerator.NONE) {
            if (!d.patternInline.isBlank() || !Pattern.FUER_ELISE.equals(d.patternSource)) {
                problems.add("pattern.generator: is " + recipe.generator().key() + ", which makes the pattern; leave"
                        + " pattern.source and pattern.inline unset (got " + (d.patternInline.isBlank()
                        ? "pattern.source = " + d.patternSource : "a pattern.inline") + ")");
                return null;
            }
            return build(recipe::generate, problems);
        }
        try {
            return d.patternInline.isBlank() ? Pattern.resolve(d.patternSource)
                    : Pattern.parse(d.patternSource, d.patternInline);
        } catch (PatternFormatException e) {
            problems.add((d.patternInline.isBlank() ? "pattern.source: " : "pattern.inline: ") + e.getMessage());
            return null;
        }
    }

    /** Runs a record constructor, turning its range violations into problems. */
    private static <T> T build(Supplier<T> constructor, List<String> problems) {
        try {
            return constructor.get();
        } catch (InvalidParametersException e) {
            for (Violation v : e.violations()) {
                problems.add(v.toString());
            }
            return null;
        }
    }

    /** The clamps named or described in {@code replay.scenarios}. */
    private static List<Clamp> scenarios(ConfigValue value, int nVis, int nLat, int cycleBins, double dt,
                                         List<String> problems) {
        String path = "replay.scenarios";
        if (value.valueType() != ConfigValueType.LIST) {
            problems.add(path + ": expected a list of scenario names or objects" + StrictReader.originOf(value));
            return List.of();
        }
        List<Clamp> out = new ArrayList<>();
        List<? extends ConfigValue> items = (ConfigList) value;
        for (int k = 0; k < items.size(); k++) {
            ConfigValue item = items.get(k);
            String at = path + "[" + k + "]";
            if (item.valueType() == ConfigValueType.STRING) {
                String name = (String) item.unwrapped();
                Clamp c = build(() -> Clamp.paperCase(name, nVis, cycleBins, dt), problems);
                if (c != null) {
                    out.add(c);
                } else if (!Clamp.PAPER_CASES.contains(name)) {
                    problems.add(at + ": unknown scenario '" + name + "'; built-in ones are "
                            + String.join(", ", Clamp.PAPER_CASES) + ", or give an object" + StrictReader.originOf(item));
                }
            } else if (item.valueType() == ConfigValueType.OBJECT) {
                Clamp c = clamp(((ConfigObject) item).toConfig(), at, nVis, nLat, cycleBins, dt, problems);
                if (c != null) {
                    out.add(c);
                }
            } else {
                problems.add(at + ": expected a scenario name or object, found " + item.render()
                        + StrictReader.originOf(item));
            }
        }
        return out;
    }

    private static Clamp clamp(Config obj, String at, int nVis, int nLat, int cycleBins, double dt,
                               List<String> problems) {
        StrictReader populationReader = new StrictReader(obj.withFallback(
                ConfigFactory.parseMap(Map.of("population", Population.VISIBLE.key()))));
        Population population = populationReader.getChoice("population", "visible, latent", Population::parse,
                Population.VISIBLE);
        Config withDefaults = obj.withFallback(ConfigFactory.parseMap(Map.of("cycle", 4, "from-ms", 0.0,
                "to-ms", cycleBins * dt, "first-neuron", 0, "last-neuron", population.size(nVis, nLat) - 1,
                "fraction", 1.0, "offset-mv", 0.0)));
        StrictReader in = new StrictReader(withDefaults);
        for (String p : populationReader.problems()) {
            problems.add(at + "." + p);
        }
        for (String key : obj.root().keySet()) {
            if (!CLAMP_KEYS.contains(key)) {
                in.problem(key, "unknown scenario key" + StrictReader.suggestion(key, List.copyOf(CLAMP_KEYS)));
            }
        }
        String name = obj.hasPath("name") ? in.getString("name") : "";
        if (!obj.hasPath("name")) {
            in.problem("name", "missing; every scenario object needs a name");
        }
        int cycle = in.getInt("cycle");
        int from = (int) Math.round(in.getDouble("from-ms") / dt);
        int to = (int) Math.round(in.getDouble("to-ms") / dt);
        int first = in.getInt("first-neuron");
        int last = in.getInt("last-neuron");
        double fraction = in.getDouble("fraction");
        double offset = in.getDouble("offset-mv");
        for (String p : in.problems()) {
            problems.add(at + "." + p);
        }
        if (!in.problems().isEmpty() || !populationReader.problems().isEmpty()) {
            return null;
        }
        return build(() -> new Clamp(name, cycle, from, to, population, first, last, fraction, offset), problems);
    }
}
