package org.elisesweep.sweep;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.elisesweep.model.Clamp;
import org.elisesweep.model.Connectivity;
import org.elisesweep.model.InvalidParametersException;
import org.elisesweep.model.Mode;
import org.elisesweep.model.ModelParams;
import org.elisesweep.model.NoiseParams;
import org.elisesweep.model.NoisePhase;
import org.elisesweep.model.Pattern;
import org.elisesweep.model.PatternFormatException;
import org.elisesweep.model.Population;
import org.elisesweep.model.ProtocolParams;
import org.elisesweep.model.SimulationSpec;
import org.elisesweep.model.Violation;
import org.elisesweep.model.WeightNoiseKind;

/**
 * Turns a configuration (HOCON: a sweep file's parameters, or {@code --set path=value}
 * overrides) into a {@link SimulationSpec}. The paths and defaults are those of
 * {@code simulation-defaults.conf}. Strict: every unknown key, wrong type, out-of-range value and
 * unusable pattern is reported at once, each with its path, in one {@link ConfigProblems}.
 */
public final class SimulationConfig {
    private static final String DEFAULTS = "org/elisesweep/simulation-defaults.conf";
    private static final Set<String> CLAMP_KEYS = Set.of("name", "cycle", "from-ms", "to-ms", "population",
            "first-neuron", "last-neuron", "fraction", "offset-mv");
    private static final String PHASES = "training, replay, both";

    /** Read once: a sweep validates thousands of points, and parsing the file was a third of each check. Immutable. */
    private static final Config DEFAULT_VALUES = ConfigFactory.parseResources(SimulationConfig.class.getClassLoader(),
            DEFAULTS);

    private SimulationConfig() {
    }

    /** Every parameter with its default value. */
    public static Config defaults() {
        return DEFAULT_VALUES;
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

        ModelParams.Builder b = ModelParams.defaults().toBuilder()
                .nLat(in.getInt("model.n-lat"))
                .mode(in.getChoice("model.mode", "elise, reservoir, soma-only", Mode::parse, Mode.ELISE))
                .connectivity(in.getChoice("model.connectivity", "all-to-all, sparse", Connectivity::parse,
                        Connectivity.ALL_TO_ALL))
                .density(in.getDouble("model.density"))
                .protectScaffold(in.getBoolean("model.protect-scaffold"))
                .dt(in.getDouble("model.dt"))
                .eL(in.getDouble("model.e-l")).eE(in.getDouble("model.e-e")).eI(in.getDouble("model.e-i"))
                .gL(in.getDouble("model.g-l")).gDen(in.getDouble("model.g-den"))
                .gE0(in.getDouble("model.g-e0")).gI0(in.getDouble("model.g-i0"))
                .slope(in.getDouble("model.slope")).threshold(in.getDouble("model.threshold"))
                .lambda(in.getDouble("model.lambda"))
                .etaVis(in.getDouble("model.eta-vis")).etaLat(in.getDouble("model.eta-lat"))
                .weightSd(in.getDouble("model.weight-sd"))
                .denDelayMin(in.getInt("model.den-delay-min")).denDelayMax(in.getInt("model.den-delay-max"))
                .scaffoldDelayMin(in.getInt("model.scaffold-delay-min"))
                .scaffoldDelayMax(in.getInt("model.scaffold-delay-max"))
                .inhibitionExtraDelay(in.getInt("model.inhibition-extra-delay"))
                .scaffoldP(in.getDouble("model.scaffold.p")).scaffoldQ(in.getDouble("model.scaffold.q"))
                .scaffoldP0(in.getDouble("model.scaffold.p0"));
        int trainingCycles = in.getInt("training.cycles");
        int validationPeriod = in.getInt("training.validation-period");
        int replayCycles = in.getInt("replay.cycles");
        int realign = in.getInt("replay.realign-cycles");
        double stepMs = in.getDouble("pattern.step-ms");
        long seed = in.getLong("seed");
        String patternSource = in.getString("pattern.source");
        String patternInline = in.getString("pattern.inline");
        double membraneSigma = in.getDouble("noise.membrane.sigma");
        double membraneTau = in.getDouble("noise.membrane.tau");
        double dendriteSigma = in.getDouble("noise.membrane.dendrite-sigma");
        double dendriteTau = in.getDouble("noise.membrane.dendrite-tau");
        NoisePhase membranePhase = in.getChoice("noise.membrane.phase", PHASES, NoisePhase::parse, NoisePhase.BOTH);
        double teacherSigma = in.getDouble("noise.teacher.sigma");
        double teacherTau = in.getDouble("noise.teacher.tau");
        double jitterMs = in.getDouble("noise.teacher.jitter-ms");
        NoisePhase teacherPhase = in.getChoice("noise.teacher.phase", PHASES, NoisePhase::parse, NoisePhase.BOTH);
        double weightSigma = in.getDouble("noise.weights.sigma");
        WeightNoiseKind weightKind = in.getChoice("noise.weights.kind", "additive, multiplicative",
                WeightNoiseKind::parse, WeightNoiseKind.ADDITIVE);
        double deleteFraction = in.getDouble("noise.weights.delete-fraction");

        List<String> problems = new ArrayList<>(in.problems());
        ModelParams model = build(() -> b.build(), problems);
        ProtocolParams protocol = build(() -> new ProtocolParams(trainingCycles, validationPeriod, replayCycles,
                realign, stepMs), problems);
        NoiseParams.MembraneNoise membrane = build(() -> new NoiseParams.MembraneNoise(membraneSigma, membraneTau,
                dendriteSigma, dendriteTau, membranePhase), problems);
        NoiseParams.TeacherNoise teacherNoise = build(() -> new NoiseParams.TeacherNoise(teacherSigma, teacherTau,
                jitterMs, teacherPhase), problems);
        NoiseParams.WeightNoise weightNoise = build(() -> new NoiseParams.WeightNoise(weightSigma, weightKind,
                deleteFraction), problems);
        Pattern pattern = null;
        try {
            pattern = patternInline.isBlank() ? Pattern.resolve(patternSource)
                    : Pattern.parse(patternSource, patternInline);
        } catch (PatternFormatException e) {
            problems.add((patternInline.isBlank() ? "pattern.source: " : "pattern.inline: ") + e.getMessage());
        }
        List<Clamp> clamps = List.of();
        if (model != null && pattern != null) {
            clamps = scenarios(overrides.withFallback(defaults), pattern.neurons(), model.nLat(),
                    (int) Math.round(stepMs / model.dt()) * pattern.steps(), model.dt(), problems);
        }
        SimulationSpec spec = null;
        if (problems.isEmpty()) {
            ModelParams fm = model;
            ProtocolParams fp = protocol;
            Pattern fpat = pattern;
            List<Clamp> fc = clamps;
            NoiseParams noise = new NoiseParams(membrane, teacherNoise, weightNoise);
            spec = build(() -> new SimulationSpec(fm, fp, fpat, fc, seed, noise), problems);
        }
        if (!problems.isEmpty()) {
            throw new ConfigProblems(source, problems);
        }
        return spec;
    }

    /** Runs a record constructor, turning its range violations into problems. */
    private static <T> T build(java.util.function.Supplier<T> constructor, List<String> problems) {
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
    private static List<Clamp> scenarios(Config config, int nVis, int nLat, int cycleBins, double dt,
                                         List<String> problems) {
        String path = "replay.scenarios";
        ConfigValue value = config.getValue(path);
        if (value.valueType() != ConfigValueType.LIST) {
            problems.add(path + ": expected a list of scenario names or objects" + StrictReader.originOf(value));
            return List.of();
        }
        List<Clamp> out = new ArrayList<>();
        List<? extends ConfigValue> items = config.getList(path);
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
