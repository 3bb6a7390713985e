package org.elisesweep.sweep;

import static org.elisesweep.sweep.ParameterRange.above;
import static org.elisesweep.sweep.ParameterRange.atLeast;
import static org.elisesweep.sweep.ParameterRange.between;
import static org.elisesweep.sweep.ParameterRange.described;
import static org.elisesweep.sweep.ParameterType.BOOLEAN;
import static org.elisesweep.sweep.ParameterType.DOUBLE;
import static org.elisesweep.sweep.ParameterType.INTEGER;
import static org.elisesweep.sweep.ParameterType.LIST;
import static org.elisesweep.sweep.ParameterType.LONG;
import static org.elisesweep.sweep.ParameterType.STRING;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.elisesweep.model.Connectivity;
import org.elisesweep.model.Mode;
import org.elisesweep.model.NoisePhase;
import org.elisesweep.model.PatternGenerator;
import org.elisesweep.model.PatternRecipe;
import org.elisesweep.model.ScaffoldRule;
import org.elisesweep.model.WeightNoiseKind;

/**
 * Every simulation parameter, once: its path, type, allowed values, unit, one-line meaning and
 * where it goes in the typed records ({@link Parameter}). Defaults are not repeated here: they are
 * read from {@code simulation-defaults.conf}, and a parameter without a default there (or a
 * default without an entry here) stops the program at start-up with the path named.
 *
 * <p>Derived from it: parsing and validation of {@code --set}, {@code --config} and sweep files
 * ({@link SimulationConfig}, {@link SweepFile}), point ids ({@link SweepPoint#idOf}), the
 * {@code runs} table's parameter columns and their types, the report's axis units, and the
 * parameter table of docs/parameters.md (checked by {@code ParameterCatalogTest}).
 *
 * <p>Adding a parameter: one entry below, its default in {@code simulation-defaults.conf}, and the
 * field it sets in {@link SpecDraft} (with the record it reaches). Immutable.
 */
public final class ParameterCatalog {
    /** The simulation's seed: set per replicate by the sweep, never a point parameter. */
    static final String SEED = "seed";
    static final String PATTERN_SOURCE = "pattern.source";
    static final String PATTERN_INLINE = "pattern.inline";
    static final String REPLAY_SCENARIOS = "replay.scenarios";
    private static final String DEFAULTS_FILE = "org/elisesweep/simulation-defaults.conf";
    private static final String STEPS = "Euler steps";

    public static final ParameterCatalog INSTANCE = new ParameterCatalog(
            ConfigFactory.parseResources(ParameterCatalog.class.getClassLoader(), DEFAULTS_FILE), entries());

    private final Config defaultsConfig;
    private final Map<String, Parameter> byPath;
    private final SortedMap<String, Object> pointDefaults;

    private ParameterCatalog(Config defaultsConfig, List<Parameter> entries) {
        this.defaultsConfig = defaultsConfig;
        Map<String, Parameter> m = new LinkedHashMap<>();
        SortedMap<String, Object> d = new TreeMap<>();
        for (Parameter p : entries) {
            if (!defaultsConfig.hasPath(p.path())) {
                throw new IllegalStateException(DEFAULTS_FILE + ": no default for " + p.path()
                        + ", which the parameter catalog lists; every parameter has its default in that file");
            }
            Parameter withDefault = p.withDefault(p.type().convert(defaultsConfig.getValue(p.path())));
            m.put(p.path(), withDefault);
            if (!SEED.equals(p.path())) {
                d.put(p.path(), withDefault.defaultValue());
            }
        }
        for (Map.Entry<String, ConfigValue> e : defaultsConfig.entrySet()) {
            if (!m.containsKey(e.getKey())) {
                throw new IllegalStateException(DEFAULTS_FILE + ": " + e.getKey() + " has no entry in the parameter"
                        + " catalog (ParameterCatalog); add one, with its type, unit and meaning");
            }
        }
        this.byPath = Collections.unmodifiableMap(m);
        this.pointDefaults = Collections.unmodifiableSortedMap(d);
    }

    /** Every parameter, in the order of the defaults file. */
    public List<Parameter> all() {
        return List.copyOf(byPath.values());
    }

    /** The parameter at {@code path}, or null when there is none. */
    public Parameter get(String path) {
        return byPath.get(path);
    }

    public boolean isKnown(String path) {
        return byPath.containsKey(path);
    }

    /** The type of a known path; null for an unknown one. */
    ParameterType type(String path) {
        Parameter p = byPath.get(path);
        return p == null ? null : p.type();
    }

    /** The name of a parameter on figures ({@link Parameter#label}); the path itself for an unknown one. */
    public String labelOf(String path) {
        Parameter p = byPath.get(path);
        return p == null ? path : p.label();
    }

    /** The unit of a parameter, or "" when it is dimensionless, not a number or unknown. */
    public String unitOf(String path) {
        Parameter p = byPath.get(path);
        return p == null ? "" : p.unit();
    }

    /** Every point parameter (all but {@code seed}) with its default, typed as a point's parameters are. */
    public SortedMap<String, Object> defaults() {
        return pointDefaults;
    }

    /** The seed of a simulation that does not set one. */
    long defaultSeed() {
        return (Long) byPath.get(SEED).defaultValue();
    }

    /** The defaults file itself, e.g. for {@link StrictReader#rejectUnknownKeys}. */
    Config defaultsConfig() {
        return defaultsConfig;
    }

    /** "; did you mean 'x'?" for the known path nearest to {@code path}, or "". */
    String suggestion(String path) {
        return StrictReader.suggestion(path, List.copyOf(byPath.keySet()));
    }

    /**
     * The known parameter that a problem path (as {@link SimulationConfig} reports it, e.g.
     * {@code replay.scenarios[0].cycel} or {@code replay.scenarios.x.cycle}) is about, or null.
     */
    String ownerOf(String problemPath) {
        String best = null;
        for (String p : byPath.keySet()) {
            boolean owns = problemPath.equals(p) || problemPath.startsWith(p + ".") || problemPath.startsWith(p + "[");
            if (owns && (best == null || p.length() > best.length())) {
                best = p;
            }
        }
        return best;
    }

    private static List<Parameter> entries() {
        List<Parameter> e = new ArrayList<>();
        e.add(Parameter.of(SEED, LONG, described("any 64-bit integer"), "",
                "the one seed every random stream (delays, scaffold, weights, mask, noise) derives from",
                (d, v) -> d.seed = (Long) v));
        e.add(Parameter.of(PATTERN_SOURCE, STRING, described("the built-in pattern `fuer_elise` or a pattern file"),
                "", "the pattern to learn; it fixes N_vis", (d, v) -> d.patternSource = (String) v));
        e.add(Parameter.of(PATTERN_INLINE, STRING, described("a pattern in the pattern-file format, or empty"), "",
                "the pattern's text, used instead of `pattern.source` when not empty",
                (d, v) -> d.patternInline = (String) v));
        e.add(Parameter.of("pattern.step-ms", DOUBLE, above(0).and("a whole number (≥ 3) of Euler steps"), "ms",
                "duration of one pattern step", (d, v) -> d.stepMs = (Double) v));
        e.add(Parameter.choice("pattern.generator", PatternGenerator.values(), PatternGenerator::key,
                PatternGenerator::parse, "none: `pattern.source` or `pattern.inline` gives the pattern; random or motif:"
                        + " generated from the `pattern.*` parameters below and `pattern.seed` (docs/tasks.md)",
                (d, v) -> d.patternGenerator = (PatternGenerator) v));
        e.add(Parameter.of("pattern.seed", LONG, described("any 64-bit integer"), "",
                "seed of a generated pattern's own random stream (never the simulation's seed)",
                (d, v) -> d.patternSeed = (Long) v));
        e.add(Parameter.of("pattern.neurons", INTEGER, atLeast(1), "neurons", "N_vis of a generated pattern",
                (d, v) -> d.patternNeurons = (Integer) v));
        e.add(Parameter.of("pattern.steps", INTEGER, between(2, true, PatternRecipe.MAX_STEPS, true), "steps",
                "K of a random pattern", (d, v) -> d.patternSteps = (Integer) v));
        e.add(Parameter.of("pattern.active-min", INTEGER, atLeast(0), "neurons",
                "generated patterns: fewest active neurons per step (each step's count uniform in [min, max])",
                (d, v) -> d.activeMin = (Integer) v));
        e.add(Parameter.of("pattern.active-max", INTEGER, atLeast(1).and("≥ `pattern.active-min`, ≤ `pattern.neurons`"),
                "neurons", "generated patterns: most active neurons per step", (d, v) -> d.activeMax = (Integer) v));
        e.add(Parameter.of("pattern.markov-order", INTEGER, atLeast(1).and("< `pattern.steps`"), "steps",
                "random pattern: its exact Markov order m (the last m steps always determine the next, m − 1 do not)",
                (d, v) -> d.markovOrder = (Integer) v));
        e.add(Parameter.of("pattern.syllables", INTEGER, between(2, true, PatternRecipe.MAX_SYLLABLES, true), "",
                "motif pattern: number of distinct syllables, named A, B, C, ...", (d, v) -> d.syllables = (Integer) v));
        e.add(Parameter.of("pattern.syllable-steps", INTEGER, atLeast(1), "steps", "motif pattern: steps per syllable",
                (d, v) -> d.syllableSteps = (Integer) v));
        e.add(Parameter.of("pattern.motif", STRING,
                described("syllable letters A… (spaces optional), each syllable at least once, one with two different"
                        + " successors; or empty"), "",
                "motif pattern: the order of the syllables, e.g. `A A B C A B D`; empty = drawn",
                (d, v) -> d.motif = (String) v));
        e.add(Parameter.of("pattern.motif-length", INTEGER, atLeast(3).and("≥ `pattern.syllables` + 1"), "syllables",
                "motif pattern: length of a drawn motif (used when `pattern.motif` is empty)",
                (d, v) -> d.motifLength = (Integer) v));
        e.add(Parameter.of("model.n-lat", INTEGER, atLeast(1), "neurons", "N_lat, size of the latent population",
                (d, v) -> d.model.nLat((Integer) v)).labelled("latent neurons N_lat"));
        e.add(Parameter.choice("model.mode", Mode.values(), Mode::key, Mode::parse,
                "which synapses learn: all dendritic ones (elise), only those onto visible neurons (reservoir), or"
                        + " latents have no dendrite (soma-only)", (d, v) -> d.model.mode((Mode) v)).labelled("mode"));
        e.add(Parameter.choice("model.connectivity", Connectivity.values(), Connectivity::key, Connectivity::parse,
                "all dendritic synapses exist, or each with probability `model.density`",
                (d, v) -> d.model.connectivity((Connectivity) v)).labelled("connectivity"));
        e.add(Parameter.of("model.density", DOUBLE, between(0, false, 1, true).and("below 1 only with sparse"), "",
                "ρ, the probability that a sparse dendritic synapse exists", (d, v) -> d.model.density((Double) v)).labelled("dendritic density ρ"));
        e.add(Parameter.of("model.protect-scaffold", BOOLEAN, described("true only with sparse"), "",
                "with sparse: a synapse j → i always exists when the scaffold has j → i",
                (d, v) -> d.model.protectScaffold((Boolean) v)).labelled("scaffold protected"));
        e.add(Parameter.of("model.dt", DOUBLE, above(0), "ms", "Euler step", (d, v) -> d.model.dt((Double) v)));
        e.add(Parameter.of("model.e-l", DOUBLE, described("finite"), "mV", "leak reversal potential E_l",
                (d, v) -> d.model.eL((Double) v)));
        e.add(Parameter.of("model.e-e", DOUBLE, described("finite"), "mV", "excitatory reversal potential E_E",
                (d, v) -> d.model.eE((Double) v)));
        e.add(Parameter.of("model.e-i", DOUBLE, described("finite, below `model.e-e`"), "mV",
                "inhibitory reversal potential E_I", (d, v) -> d.model.eI((Double) v)));
        e.add(Parameter.of("model.g-l", DOUBLE, above(0), "1/ms", "leak conductance g_l (1/g_l is the membrane"
                + " time constant)", (d, v) -> d.model.gL((Double) v)));
        e.add(Parameter.of("model.g-den", DOUBLE, atLeast(0), "1/ms", "dendrite → soma coupling g_den",
                (d, v) -> d.model.gDen((Double) v)));
        e.add(Parameter.of("model.g-e0", DOUBLE, atLeast(0), "1/ms", "scaffold excitation per unit presynaptic rate",
                (d, v) -> d.model.gE0((Double) v)));
        e.add(Parameter.of("model.g-i0", DOUBLE, atLeast(0), "1/ms", "scaffold inhibition per unit presynaptic rate",
                (d, v) -> d.model.gI0((Double) v)));
        e.add(Parameter.of("model.slope", DOUBLE, above(0), "1/mV",
                "slope a of the transfer function φ(u) = 1 / (1 + exp(a (b − u)))", (d, v) -> d.model.slope((Double) v)));
        e.add(Parameter.of("model.threshold", DOUBLE, described("finite"), "mV", "threshold b of the transfer function",
                (d, v) -> d.model.threshold((Double) v)));
        e.add(Parameter.of("model.lambda", DOUBLE, between(0, true, 1, false), "", "teacher nudging strength λ",
                (d, v) -> d.model.lambda((Double) v)).labelled("nudging λ"));
        e.add(Parameter.of("model.eta-vis", DOUBLE, atLeast(0), "per Euler step",
                "learning rate of visible → visible synapses", (d, v) -> d.model.etaVis((Double) v)).labelled("learning rate η_vis"));
        e.add(Parameter.of("model.eta-lat", DOUBLE, atLeast(0), "per Euler step", "learning rate of every other synapse",
                (d, v) -> d.model.etaLat((Double) v)).labelled("learning rate η_lat"));
        e.add(Parameter.of("model.weight-sd", DOUBLE, atLeast(0), "", "SD of the Gaussian initial dendritic weights"
                + " (mean 0)", (d, v) -> d.model.weightSd((Double) v)).labelled("initial weight SD"));
        e.add(Parameter.of("model.den-delay-min", INTEGER, atLeast(2), STEPS,
                "smallest dendritic axonal delay D_den (uniform integer per presynaptic neuron)",
                (d, v) -> d.model.denDelayMin((Integer) v)));
        e.add(Parameter.of("model.den-delay-max", INTEGER, described("≥ `model.den-delay-min`"), STEPS,
                "largest dendritic axonal delay D_den", (d, v) -> d.model.denDelayMax((Integer) v)));
        e.add(Parameter.of("model.scaffold-delay-min", INTEGER, atLeast(1), STEPS,
                "smallest scaffold excitatory delay D_E (drawn independently of D_den)",
                (d, v) -> d.model.scaffoldDelayMin((Integer) v)));
        e.add(Parameter.of("model.scaffold-delay-max", INTEGER, described("≥ `model.scaffold-delay-min`"), STEPS,
                "largest scaffold excitatory delay D_E", (d, v) -> d.model.scaffoldDelayMax((Integer) v)));
        e.add(Parameter.of("model.inhibition-extra-delay", INTEGER, atLeast(0), STEPS,
                "D_I − D_E, the implicit inhibitory interneuron's extra delay",
                (d, v) -> d.model.inhibitionExtraDelay((Integer) v)));
        e.add(Parameter.of("model.scaffold.p", DOUBLE, between(0, true, 1, false), "",
                "scaffold growth: a neuron's out-degree continues with probability p^n",
                (d, v) -> d.model.scaffoldP((Double) v)).labelled("scaffold p"));
        e.add(Parameter.of("model.scaffold.q", DOUBLE, between(0, true, 1, true), "",
                "scaffold growth: a target with in-degree d accepts with probability q^d",
                (d, v) -> d.model.scaffoldQ((Double) v)).labelled("scaffold q"));
        e.add(Parameter.of("model.scaffold.p0", DOUBLE, between(0, true, 1, true), "",
                "scaffold growth: a source stays silent with probability p0", (d, v) -> d.model.scaffoldP0((Double) v)));
        e.add(Parameter.choice("model.scaffold-rule", ScaffoldRule.values(), ScaffoldRule::key, ScaffoldRule::parse,
                "scaffold growth: uniform picks, swap removal, no duplicate connections (this specification), or the"
                        + " published simulator's round(U·(len−1)) picks, ordered removal, duplicates accepted (original)",
                (d, v) -> d.model.scaffoldRule((ScaffoldRule) v)));
        e.add(Parameter.of("training.cycles", INTEGER, atLeast(1), "cycles",
                "TC, training cycles (one extra nudged cycle precedes them)", (d, v) -> d.trainingCycles = (Integer) v).labelled("training cycles"));
        e.add(Parameter.of("training.validation-period", INTEGER, atLeast(1), "cycles",
                "PF: training cycles 0, PF, 2 PF, ... are free-run validation cycles",
                (d, v) -> d.validationPeriod = (Integer) v));
        e.add(Parameter.of("replay.cycles", INTEGER, described("≥ `replay.realign-cycles` + 2"), "cycles",
                "RC, replay cycles after training", (d, v) -> d.replayCycles = (Integer) v));
        e.add(Parameter.of("replay.realign-cycles", INTEGER, atLeast(0), "cycles",
                "the first replay cycles, which have the teacher on", (d, v) -> d.realignCycles = (Integer) v));
        e.add(Parameter.of(REPLAY_SCENARIOS, LIST, described("names of the paper's clamps or clamp objects (below)"),
                "", "disturbance scenarios replayed besides the undisturbed one",
                (d, v) -> d.scenarios = (ConfigValue) v));
        e.add(Parameter.of("noise.membrane.sigma", DOUBLE, atLeast(0), "mV",
                "stationary SD of the Ornstein–Uhlenbeck noise of each soma, entering as g_l·η; 0 = off",
                (d, v) -> d.membraneSigma = (Double) v).labelled("somatic noise σ"));
        e.add(Parameter.of("noise.membrane.tau", DOUBLE, above(0), "ms", "correlation time of the somatic noise",
                (d, v) -> d.membraneTau = (Double) v));
        e.add(Parameter.of("noise.membrane.dendrite-sigma", DOUBLE, atLeast(0), "mV",
                "the same for each dendrite; 0 = off", (d, v) -> d.dendriteSigma = (Double) v).labelled("dendritic noise σ_d"));
        e.add(Parameter.of("noise.membrane.dendrite-tau", DOUBLE, atLeast(0), "ms",
                "correlation time of the dendritic noise; 0 = the same as `noise.membrane.tau`",
                (d, v) -> d.dendriteTau = (Double) v));
        e.add(Parameter.choice("noise.membrane.phase", NoisePhase.values(), NoisePhase::key, NoisePhase::parse,
                "when membrane noise acts", (d, v) -> d.membranePhase = (NoisePhase) v));
        e.add(Parameter.of("noise.teacher.sigma", DOUBLE, atLeast(0), "mV",
                "SD of the OU noise added to the teacher's target, a fresh trace every nudged cycle; 0 = off",
                (d, v) -> d.teacherSigma = (Double) v).labelled("teacher noise σ"));
        e.add(Parameter.of("noise.teacher.tau", DOUBLE, above(0), "ms", "correlation time of the teacher noise",
                (d, v) -> d.teacherTau = (Double) v));
        e.add(Parameter.of("noise.teacher.jitter-ms", DOUBLE, atLeast(0).and("below half a pattern step"), "ms",
                "each pattern-step boundary moves by U[−J, J], redrawn every nudged cycle; 0 = off",
                (d, v) -> d.jitterMs = (Double) v).labelled("teacher jitter"));
        e.add(Parameter.choice("noise.teacher.phase", NoisePhase.values(), NoisePhase::key, NoisePhase::parse,
                "which nudged cycles get a noisy teacher: training, replay (the realigning cycles) or both",
                (d, v) -> d.teacherPhase = (NoisePhase) v));
        e.add(Parameter.of("noise.weights.sigma", DOUBLE, atLeast(0), "",
                "after training: W += σ·ξ (additive) or W·(1 + σ·ξ) (multiplicative) on the learning synapses; 0 = off",
                (d, v) -> d.weightSigma = (Double) v).labelled("weight noise σ_w"));
        e.add(Parameter.choice("noise.weights.kind", WeightNoiseKind.values(), WeightNoiseKind::key,
                WeightNoiseKind::parse, "how the weight noise acts", (d, v) -> d.weightKind = (WeightNoiseKind) v).labelled("weight noise kind"));
        e.add(Parameter.of("noise.weights.delete-fraction", DOUBLE, between(0, true, 1, true), "",
                "then this fraction of the learning synapses is deleted (set to 0 and kept at 0)",
                (d, v) -> d.deleteFraction = (Double) v).labelled("deleted synapses (fraction)"));
        return e;
    }
}
