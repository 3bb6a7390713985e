package org.elisesweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.elisesweep.model.Pattern;
import org.elisesweep.model.SimulationSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Sweep files: what a valid one plans, and that every invalid input is named by its path before anything runs. */
class SweepFileTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void patternFiles() throws IOException {
        Files.writeString(dir.resolve("abc.txt"), "# A B A C\n1 0 1 0\n0 1 0 0\n0 0 0 1\n");
        Files.writeString(dir.resolve("abc-copy.txt"), "1010\n0100\n0001\n");
        Files.writeString(dir.resolve("ragged.txt"), "0101\n011\n");
    }

    /** The plan of a sweep file given as text, named "test", with pattern files relative to {@code baseDir}. */
    static SweepPlan plan(String hocon, Path baseDir) {
        return SweepFile.parse(ConfigFactory.parseString(hocon), "test", baseDir);
    }

    private static SweepPlan plan(String hocon) {
        return plan(hocon, dir);
    }

    static String problems(String hocon) {
        return assertThrows(ConfigProblems.class, () -> plan(hocon)).getMessage();
    }

    /** A short, valid prefix, so that each rule below checks one thing. */
    private static final String NAME = "name = t\n";

    static Stream<Arguments> rules() {
        return Stream.of(
            rule("unknown top-level key", "nmae = t", "nmae: unknown key; did you mean 'name'?"),
            rule("parameter outside base", NAME + "model.n-lat = 3", "model: simulation parameters go into base"),
            rule("missing name", "seed = 1", "name: missing"),
            rule("bad name", "name = \"my sweep\"", "name: 'my sweep' may contain only letters, digits, - and _"),
            rule("replicates < 1", NAME + "replicates = 0", "replicates: must be ≥ 1 (got 0)"),
            rule("fractional replicates", NAME + "replicates = 1.5", "replicates: expected a whole number, found 1.5"),
            rule("seed not a number", NAME + "seed = many", "seed: expected a whole number, found \"many\""),
            rule("unknown seeding", NAME + "seeding = shared", "seeding: 'shared' is not allowed; use one of common, per-point"),
            rule("unknown execution key", NAME + "execution.fail-fst = 2",
                    "execution.fail-fst: unknown key; did you mean 'fail-fast'?"),
            rule("bad time budget", NAME + "execution.time-budget = soon",
                    "execution.time-budget: expected a duration such as 90s, 30m or 1h, found \"soon\""),
            rule("negative fail-fast", NAME + "execution.fail-fast = -1", "execution.fail-fast: must be ≥ 0"),
            rule("task-seconds not > 0", NAME + "execution.task-seconds = 0", "execution.task-seconds: must be a finite number > 0"),
            rule("unknown base parameter", NAME + "base.model.n-lats = 30",
                    "base.model.n-lats: unknown parameter; did you mean 'model.n-lat'?"),
            rule("base group as value", NAME + "base.model.scaffold = 2", "base.model.scaffold: is a group of parameters"),
            rule("base wrong type", NAME + "base.model.n-lat = 20.5", "base.model.n-lat: expected a whole number, found 20.5"),
            rule("base string for number", NAME + "base.model.lambda = high", "base.model.lambda: expected a number, found \"high\""),
            rule("base seed", NAME + "base.seed = 4", "base.seed: is chosen per replicate by the sweep"),
            rule("base out of range", NAME + "base.training.cycles = 0", "base.training.cycles: must be ≥ 1 (got 0)"),
            rule("base invalid choice", NAME + "base.model.mode = dendritic",
                    "base.model.mode: 'dendritic' is not allowed; use one of elise, reservoir, soma-only"),
            rule("axes not a list", NAME + "axes { path = model.n-lat }", "axes: expected a list of axes"),
            rule("axis not an object", NAME + "axes = [5]", "axes[0]: expected an axis object"),
            rule("axis without a kind", NAME + "axes = [{ path = model.n-lat }]", "axes[0]: an axis needs values = [...]"),
            rule("unknown axis key", NAME + "axes = [{ path = model.n-lat, valeus = [1] }]",
                    "axes[0].valeus: unknown key; did you mean 'values'?"),
            rule("axis without path", NAME + "axes = [{ values = [1] }]", "axes[0]: missing path"),
            rule("unknown axis path", NAME + "axes = [{ path = model.n-lats, values = [1] }]",
                    "axes[0].path: unknown parameter 'model.n-lats'; did you mean 'model.n-lat'?"),
            rule("seed as axis", NAME + "axes = [{ path = seed, values = [1, 2] }]", "axes[0].path: seed cannot vary"),
            rule("two kinds in one axis", NAME + "axes = [{ path = model.lambda, values = [0.1], linear { from = 0, to = 1, count = 2 } }]",
                    "axes[0]: give one of values, linear, log; found values and linear"),
            rule("empty values", NAME + "axes = [{ path = model.n-lat, values = [] }]", "axes[0].values: is empty"),
            rule("values not a list", NAME + "axes = [{ path = model.n-lat, values = 20 }]", "axes[0].values: expected a list of values"),
            rule("fractional value for an integer", NAME + "axes = [{ path = model.n-lat, values = [20, 20.5] }]",
                    "axes[0].values[1]: expected a whole number, found 20.5 for model.n-lat"),
            rule("string value for a number", NAME + "axes = [{ path = model.lambda, values = [high] }]",
                    "axes[0].values[0]: expected a number, found \"high\" for model.lambda"),
            rule("repeated value", NAME + "axes = [{ path = model.lambda, values = [0.5, 0.25, 0.50] }]",
                    "axes[0].values[2]: repeats values[0] (axes[0] model.lambda = 0.5)"),
            rule("range of one value", NAME + "axes = [{ path = model.lambda, linear { from = 0.1, to = 0.5, count = 1 } }]",
                    "axes[0].linear.count: must be ≥ 2 for a range from 0.1 to 0.5"),
            rule("range count < 1", NAME + "axes = [{ path = model.lambda, linear { from = 0.1, to = 0.5, count = 0 } }]",
                    "axes[0].linear.count: must be ≥ 1 (got 0)"),
            rule("range from = to", NAME + "axes = [{ path = model.lambda, linear { from = 0.5, to = 0.5, count = 3 } }]",
                    "axes[0].linear.count: must be 1 when from = to"),
            rule("log range from ≤ 0", NAME + "axes = [{ path = model.eta-lat, log { from = 0, to = 1e-2, count = 3 } }]",
                    "axes[0].log.from: must be > 0 for a log range"),
            rule("range missing count", NAME + "axes = [{ path = model.eta-lat, log { from = 1e-3, to = 1e-2 } }]",
                    "axes[0].log.count: missing; expected a whole number"),
            rule("unknown range key", NAME + "axes = [{ path = model.lambda, linear { from = 0.1, to = 0.5, cnt = 3 } }]",
                    "axes[0].linear.cnt: unknown key; did you mean 'count'?"),
            rule("range of a string parameter", NAME + "axes = [{ path = model.mode, linear { from = 0, to = 1, count = 2 } }]",
                    "axes[0].linear: model.mode is not a number"),
            rule("integer range that repeats after rounding", NAME
                    + "axes = [{ path = model.n-lat, linear { from = 1, to = 2, count = 3 } }]",
                    "axes[0].linear: values 1 and 2 (from 0) are equal after rounding to whole numbers"),
            rule("zip of unequal lengths", NAME + "axes = [{ zip = [ { path = model.eta-vis, values = [1e-4, 2e-4] },"
                    + " { path = model.eta-lat, values = [1e-3, 2e-3, 3e-3] } ] }]",
                    "axes[0].zip: members have different lengths (model.eta-vis has 2, model.eta-lat has 3)"),
            rule("zip of one member", NAME + "axes = [{ zip = [ { path = model.eta-vis, values = [1e-4] } ] }]",
                    "axes[0].zip: expected a list of at least two axes"),
            rule("zip member that is a block", NAME + "axes = [{ zip = [ { path = model.eta-vis, values = [1e-4] },"
                    + " { sample = random, count = 1, ranges = [] } ] }]", "axes[0].zip[1]: a zip member is one parameter"),
            rule("zip member error", NAME + "axes = [{ zip = [ { path = model.eta-vis, values = [1e-4] },"
                    + " { path = model.eta-lat, values = [x] } ] }]", "axes[0].zip[1].values[0]: expected a number"),
            rule("zip with identical rows", NAME + "axes = [{ zip = [ { path = model.eta-vis, values = [1e-4, 1e-4] },"
                    + " { path = model.eta-lat, values = [1e-3, 1e-3] } ] }]", "axes[0].zip: rows 0 and 1 (from 0) are identical"),
            rule("unknown sampler", NAME + "axes = [{ sample = sobel, count = 4, ranges = [ { path = model.lambda, from = 0, to = 0.5 } ] }]",
                    "axes[0].sample: 'sobel' is not allowed; use one of random, latin-hypercube, sobol"),
            rule("sample count < 1", NAME + "axes = [{ sample = random, count = 0, ranges = [ { path = model.lambda, from = 0, to = 0.5 } ] }]",
                    "axes[0].count: must be ≥ 1 (got 0)"),
            rule("sample without count", NAME + "axes = [{ sample = random, ranges = [ { path = model.lambda, from = 0, to = 0.5 } ] }]",
                    "axes[0].count: missing"),
            rule("sample without ranges", NAME + "axes = [{ sample = random, count = 4, ranges = [] }]",
                    "axes[0].ranges: expected a non-empty list"),
            rule("unknown sample key", NAME + "axes = [{ sample = random, count = 4, sead = 1, ranges = [ { path = model.lambda, from = 0, to = 0.5 } ] }]",
                    "axes[0].sead: unknown key; did you mean 'seed'?"),
            rule("sampled range reversed", NAME + "axes = [{ sample = random, count = 4, ranges = [ { path = model.lambda, from = 0.5, to = 0.1 } ] }]",
                    "axes[0].ranges[0].to: must be greater than from (0.5), got 0.1"),
            rule("sampled log range from ≤ 0", NAME + "axes = [{ sample = random, count = 4, ranges = [ { path = model.eta-lat, from = 0, to = 0.1, log = true } ] }]",
                    "axes[0].ranges[0].from: must be > 0 for a log range"),
            rule("sampled string parameter", NAME + "axes = [{ sample = random, count = 4, ranges = [ { path = model.mode, from = 0, to = 1 } ] }]",
                    "axes[0].ranges[0].path: model.mode is not a number"),
            rule("unknown sampled range key", NAME + "axes = [{ sample = random, count = 4, ranges = [ { path = model.lambda, from = 0, too = 1 } ] }]",
                    "axes[0].ranges[0].too: unknown key; did you mean 'to'?"),
            rule("two axes on one path", NAME + "axes = [{ path = model.n-lat, values = [20] }, { path = model.n-lat, values = [30] }]",
                    "axes[1].path: model.n-lat is already varied by axes[0].path"),
            rule("one path twice in a zip", NAME + "axes = [{ zip = [ { path = model.eta-lat, values = [1e-3] },"
                    + " { path = model.eta-lat, values = [2e-3] } ] }]",
                    "axes[0].zip[1].path: model.eta-lat is already varied by axes[0].zip[0].path"),
            rule("axis and sampled block on one path", NAME + "axes = [{ path = model.lambda, values = [0.1] },"
                    + " { sample = random, count = 2, ranges = [ { path = model.lambda, from = 0, to = 0.5 } ] }]",
                    "axes[1].ranges[0].path: model.lambda is already varied by axes[0].path"),
            rule("path in base and on an axis", NAME + "base.model.n-lat = 20\naxes = [{ path = model.n-lat, values = [30] }]",
                    "axes[0].path: model.n-lat is already fixed in base.model.n-lat"),
            rule("missing pattern file in base", NAME + "base.pattern.source = nope.txt",
                    "base.pattern.source: pattern nope.txt: no such pattern file"),
            rule("missing pattern file on an axis", NAME + "axes = [{ path = pattern.source, values = [abc.txt, nope.txt] }]",
                    "axes[0].values[1]: pattern nope.txt: no such pattern file"),
            rule("malformed pattern file", NAME + "base.pattern.source = ragged.txt",
                    "line 2 has 3 steps but line 1 has 4"),
            rule("invalid point from an axis value", NAME + "axes = [{ path = model.n-lat, values = [0, 20] }]",
                    "axes[0] model.n-lat = 0: model.n-lat: must be ≥ 1 (got 0)"),
            rule("invalid combination of base and axis", NAME + "axes = [{ path = model.density, values = [0.5, 1.0] }]",
                    "axes[0] model.density = 0.5: model.density:"),
            rule("invalid point from sampled values", NAME
                    + "axes = [{ sample = random, count = 8, ranges = [ { path = model.lambda, from = 0.5, to = 1.5 } ] }]",
                    "model.lambda: must be in [0.0, 1.0)"),
            rule("too many points", NAME + "axes = [{ path = model.lambda, linear { from = 0.1, to = 0.9, count = 1001 } },"
                    + " { path = model.g-den, linear { from = 1, to = 3, count = 1000 } }]",
                    "axes[1].linear.count: 1001 × 1000 points is more than the 1000000 a sweep file may have"),
            rule("too many simulations", NAME + "replicates = 10000001",
                    "replicates: 1 points × 10000001 replicates is more than the 10000000 simulations"),
            rule("identical points", NAME + "base.replay.scenarios = [silence-cycle]\n"
                    + "axes = [{ path = pattern.source, values = [abc.txt, abc-copy.txt] }]",
                    "are the same simulation"));
    }

    private static Arguments rule(String rule, String hocon, String expected) {
        return Arguments.of(rule, hocon, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachValidationRuleNamesThePath(String rule, String hocon, String expected) {
        String message = problems(hocon);
        assertTrue(message.contains(expected), rule + ": expected «" + expected + "» in\n" + message);
    }

    @Test
    void allProblemsAreReportedAtOnceWithFileAndLine() throws IOException {
        Path file = dir.resolve("bad.conf");
        Files.writeString(file, """
                name = bad
                replicas = 2
                base { model.n-lats = 30 }
                axes = [
                  { path = model.n-lat, values = [0, 20] }
                  { sample = sobel, count = 4, ranges = [ { path = model.lambda, from = 0, to = 0.5 } ] }
                ]
                """);
        ConfigProblems e = assertThrows(ConfigProblems.class, () -> SweepFile.load(file));
        List<String> p = e.problems();
        assertEquals(4, p.size(), e.getMessage());
        assertTrue(p.contains("replicas: unknown key; did you mean 'replicates'? (" + file + ": 2)"), e.getMessage());
        assertTrue(p.contains("base.model.n-lats: unknown parameter; did you mean 'model.n-lat'? (" + file + ": 3)"), e.getMessage());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("axes[1].sample: 'sobel' is not allowed") && s.endsWith(": 6)")),
                e.getMessage());
        assertTrue(p.contains("axes[0] model.n-lat = 0: model.n-lat: must be ≥ 1 (got 0) (" + file + ": 5)"), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ": 4 problems"), e.getMessage());
    }

    @Test
    void aProblemSharedByManyPointsIsSaidOnce() {
        String message = problems(NAME + "base.training.cycles = 0\naxes = [{ path = model.n-lat, values = [0, 20, 30] },"
                + " { path = model.lambda, values = [0.1, 0.2] }]");
        assertEquals(1, count(message, "base.training.cycles: must be ≥ 1"), message);
        assertEquals(1, count(message, "axes[0] model.n-lat = 0: model.n-lat: must be ≥ 1"), message);
        assertTrue(message.startsWith("test: 2 problems"), message);
    }

    @Test
    void aMissingFileIsAProblemNotACrash() {
        ConfigProblems e = assertThrows(ConfigProblems.class, () -> SweepFile.load(dir.resolve("absent.conf")));
        assertTrue(e.getMessage().contains("no such sweep file"), e.getMessage());
        Path broken = dir.resolve("broken.conf");
        assertTrue(assertThrows(ConfigProblems.class, () -> {
            Files.writeString(broken, "name = x\naxes = [ { path = \n");
            SweepFile.load(broken);
        }).getMessage().contains("broken.conf"));
    }

    @Test
    void theQuickstartPlansTwelveQuickSimulations() {
        SweepPlan plan = SweepFile.load(Path.of("conf/quickstart.conf"));
        assertEquals("quickstart", plan.name());
        assertEquals(6, plan.points().size());
        assertEquals(12, plan.simulations());
        assertEquals(List.of(), plan.warnings());
        assertEquals(Set.of(20, 30), values(plan, "model.n-lat"));
        assertEquals(Set.of(0.0, 1.0, 3.0), values(plan, "noise.membrane.dendrite-sigma"));
        assertEquals(Set.of(3e-2), values(plan, "model.eta-lat"));
        long steps = 0;
        for (PlannedRun run : plan.runs()) {
            steps += spec(run).plannedSteps();
        }
        // ~1.5 µs per step for 13 + 30 neurons: well under a CPU-minute in total
        assertTrue(steps * 1.5e-6 < 30, "CPU seconds " + steps * 1.5e-6);
    }

    @Test
    void everySweepFileInConfIsValid() throws IOException {
        // every .conf under conf/ is a sweep file, except Spark's own settings
        try (Stream<Path> files = Files.walk(Path.of("conf"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".conf")
                    && !p.getFileName().toString().equals("spark-defaults.conf")).toList()) {
                // a frontier search is validated whole (its configurations at both ends of its range); its first round runs
                SweepPlan plan = FrontierFile.declaresFrontier(f) ? FrontierFile.load(f).firstRound() : SweepFile.load(f);
                assertTrue(plan.simulations() > 0, f.toString());
            }
        }
    }

    @Test
    void gridAxesAndSampledBlocksCombineByCartesianProduct() {
        SweepPlan plan = plan("""
                name = product
                replicates = 3
                axes = [
                  { path = model.n-lat, values = [20, 30] }
                  { path = model.lambda, linear { from = 0.4, to = 0.8, count = 3 } }
                  { sample = latin-hypercube, count = 4, seed = 9, ranges = [
                      { path = model.scaffold.p, from = 0.1, to = 0.4 }
                      { path = model.scaffold.q, from = 0.05, to = 0.5, log = true } ] }
                ]
                """);
        assertEquals(24, plan.points().size());
        assertEquals(72, plan.simulations());
        assertEquals(72, plan.runs().size());
        // the first axis varies slowest, the sampled block fastest
        assertEquals(20, plan.points().get(11).parameters().get("model.n-lat"));
        assertEquals(30, plan.points().get(12).parameters().get("model.n-lat"));
        assertEquals(0.4, plan.points().get(3).parameters().get("model.lambda"));
        assertEquals(0.6, plan.points().get(4).parameters().get("model.lambda"));
        assertEquals(24, plan.points().stream().map(SweepPoint::pointId).distinct().count());
        // every (p, q) pair of the block appears once with every grid point
        Set<Object> pairs = plan.points().stream().map(p -> List.of(p.parameters().get("model.scaffold.p"),
                p.parameters().get("model.scaffold.q"))).collect(Collectors.toSet());
        assertEquals(4, pairs.size());
        // replicates are adjacent in runs()
        assertEquals(List.of(0, 1, 2), plan.runs().subList(0, 3).stream().map(PlannedRun::replicate).toList());
        assertEquals(plan.points().get(1).pointId(), plan.runs().get(3).pointId());
    }

    @Test
    void aSweepWithoutAxesIsOnePoint() {
        SweepPlan plan = plan(NAME + "replicates = 5\nbase.training.cycles = 300");
        assertEquals(1, plan.points().size());
        assertEquals(5, plan.simulations());
        assertEquals(Execution.DEFAULTS, plan.execution());
        assertEquals(Seeding.COMMON, plan.seeding());
        assertEquals(1L, plan.baseSeed());
    }

    @Test
    void zippedParametersVaryTogether() {
        SweepPlan plan = plan(NAME + "axes = [{ zip = [ { path = model.eta-vis, values = [1e-4, 2e-4] },"
                + " { path = model.eta-lat, log { from = 1e-3, to = 1e-2, count = 2 } } ] }]");
        assertEquals(2, plan.points().size());
        assertEquals(List.of(1e-4, 1e-3), List.of(plan.points().get(0).parameters().get("model.eta-vis"),
                plan.points().get(0).parameters().get("model.eta-lat")));
        assertEquals(List.of(2e-4, 1e-2), List.of(plan.points().get(1).parameters().get("model.eta-vis"),
                plan.points().get(1).parameters().get("model.eta-lat")));
    }

    @Test
    void rangesGiveCleanDecimalValues() {
        SweepPlan plan = plan(NAME + "axes = [{ path = model.lambda, linear { from = 0.4, to = 0.8, count = 5 } },"
                + " { path = model.eta-lat, log { from = 1e-4, to = 1e-2, count = 3 } }]");
        assertEquals(List.of(0.4, 0.5, 0.6, 0.7, 0.8), column(plan, "model.lambda"));
        assertEquals(List.of(1e-4, 1e-3, 1e-2), column(plan, "model.eta-lat"));
    }

    @Test
    void integerParametersFromRangesAreRoundedAndSaid() {
        SweepPlan plan = plan(NAME + "axes = [{ path = model.n-lat, linear { from = 10, to = 20, count = 4 } }]");
        assertEquals(List.of(10, 13, 17, 20), column(plan, "model.n-lat"));
        assertEquals(List.of("axes[0] model.n-lat: linear range rounded to whole numbers (an integer parameter): 10, 13, 17, 20"),
                plan.warnings());
        SweepPlan sampled = plan(NAME + "axes = [{ sample = random, count = 4, ranges = ["
                + " { path = model.n-lat, from = 20, to = 400 } ] }]");
        assertTrue(sampled.points().stream().allMatch(p -> p.parameters().get("model.n-lat") instanceof Integer));
        assertTrue(sampled.warnings().get(0).startsWith("axes[0] model.n-lat: sampled values rounded to whole numbers"),
                sampled.warnings().toString());
    }

    @Test
    void everyPointListsEveryParameterTypedAsTheSimulationReadsIt() {
        SweepPoint p = plan(NAME + "base.model.g-den = 2").points().get(0);
        Set<String> expected = new TreeSet<>();
        SimulationConfig.defaults().entrySet().forEach(e -> expected.add(e.getKey()));
        expected.remove("seed");
        assertEquals(expected, p.parameters().keySet());
        assertEquals(50, p.parameters().get("model.n-lat"));
        assertEquals(2.0, p.parameters().get("model.g-den"));
        assertEquals(1.0, p.parameters().get("model.density"));
        assertEquals(10.0, p.parameters().get("pattern.step-ms"));
        assertEquals(Boolean.FALSE, p.parameters().get("model.protect-scaffold"));
        assertEquals("elise", p.parameters().get("model.mode"));
        assertEquals("[\"silence-cycle\",\"tonic-cycle\",\"silence-window\",\"tonic-window\"]",
                p.parameters().get("replay.scenarios"));
    }

    @Test
    void theHoconOfAPointGivesItsSimulation() {
        SweepPlan plan = plan(NAME + """
                base { training.cycles = 300, pattern.source = abc.txt,
                       replay.scenarios = [silence-cycle, { name = late, cycle = 5, from-ms = 10, to-ms = 20, offset-mv = 15.0 }] }
                axes = [{ path = model.mode, values = [elise, reservoir] }, { path = model.lambda, values = [0.3] }]
                """);
        SweepPoint p = plan.points().get(1);
        PlannedRun run = plan.runs().get(1);
        SimulationSpec fromPlan = spec(run);
        SimulationSpec direct = SimulationConfig.parse(ConfigFactory.parseString("""
                training.cycles = 300, pattern.source = "%s", model.mode = reservoir, model.lambda = 0.3
                replay.scenarios = [silence-cycle, { name = late, cycle = 5, from-ms = 10, to-ms = 20, offset-mv = 15 }]
                seed = %d
                """.formatted(dir.resolve("abc.txt"), run.seed())), "direct");
        assertEquals(direct.model(), fromPlan.model());
        assertEquals(direct.protocol(), fromPlan.protocol());
        assertEquals(direct.clamps(), fromPlan.clamps());
        assertEquals(direct.seed(), fromPlan.seed());
        assertEquals(Pattern.load(dir.resolve("abc.txt")), fromPlan.pattern());
        // the pattern travels by content; the file name stays for people
        assertEquals("1010\n0100\n0001\n", p.parameters().get("pattern.inline"));
        assertEquals("abc.txt", p.parameters().get("pattern.source"));
        assertTrue(!p.parameters().containsKey("seed"), p.parameters().toString());
    }

    @Test
    void theSameFileGivesTheSamePlan() {
        String hocon = NAME + """
                replicates = 2
                seeding = per-point
                axes = [
                  { path = model.n-lat, values = [20, 30] }
                  { sample = sobol, count = 8, seed = 3, ranges = [ { path = model.scaffold.p, from = 0.1, to = 0.4 } ] }
                ]
                """;
        SweepPlan a = plan(hocon);
        SweepPlan b = plan(hocon);
        assertEquals(a, b);
        assertEquals(a.runs(), b.runs());
    }

    @Test
    void layoutCommentsAndKeyOrderChangeNeitherIdsNorTheConfigHash() {
        SweepPlan a = plan("name = t\nbase { model.lambda = 0.5, training.cycles = 300 }\n"
                + "axes = [{ path = model.g-den, values = [2, 3] }]");
        SweepPlan b = plan("# reordered\naxes = [{ values = [2.0, 3.0], path = model.g-den }]\n"
                + "base {\n  training { cycles = 300 }\n  model.lambda = 0.50\n}\nname = t");
        assertEquals(a.points(), b.points());
        assertEquals(a.configHash(), b.configHash());
        assertEquals(64, a.configHash().length());
        assertNotEquals(a.configHash(), plan("name = t\nbase { model.lambda = 0.5, training.cycles = 301 }\n"
                + "axes = [{ path = model.g-den, values = [2, 3] }]").configHash());
    }

    @Test
    void commonSeedingSharesReplicateSeedsAcrossPointsAndPerPointDoesNot() {
        String axes = "replicates = 3\naxes = [{ path = model.n-lat, values = [20, 30, 40] }]\n";
        List<PlannedRun> common = plan(NAME + axes).runs();
        List<PlannedRun> perPoint = plan(NAME + axes + "seeding = per-point").runs();
        for (int k = 0; k < 3; k++) {
            int replicate = k;
            Set<Long> commonSeeds = common.stream().filter(r -> r.replicate() == replicate).map(PlannedRun::seed)
                    .collect(Collectors.toSet());
            assertEquals(1, commonSeeds.size(), "replicate " + k);
            Set<Long> perPointSeeds = perPoint.stream().filter(r -> r.replicate() == replicate).map(PlannedRun::seed)
                    .collect(Collectors.toSet());
            assertEquals(3, perPointSeeds.size(), "replicate " + k);
        }
        assertEquals(3, common.stream().map(PlannedRun::seed).distinct().count());
        assertEquals(9, perPoint.stream().map(PlannedRun::seed).distinct().count());
        // a different base seed moves every seed, not the points
        List<PlannedRun> reseeded = plan(NAME + axes + "seed = 2").runs();
        assertEquals(common.stream().map(PlannedRun::pointId).toList(), reseeded.stream().map(PlannedRun::pointId).toList());
        assertTrue(common.stream().map(PlannedRun::seed).noneMatch(reseeded.stream().map(PlannedRun::seed).toList()::contains));
    }

    @Test
    void executionOptionsAreRead() {
        Execution e = plan(NAME + "execution { time-budget = 90m, fail-fast = 3, task-seconds = 45 }").execution();
        assertEquals(new Execution(Duration.ofMinutes(90), 3, 45.0), e);
        assertEquals(Duration.ZERO, plan(NAME + "execution.time-budget = 0").execution().timeBudget());
        assertEquals(Execution.LOCKSTEP_AUTO, e.lockstep());
        assertEquals(Execution.LOCKSTEP_AUTO, plan(NAME + "execution.lockstep = auto").execution().lockstep());
        assertEquals(4, plan(NAME + "execution.lockstep = 4").execution().lockstep());
        ConfigProblems p = assertThrows(ConfigProblems.class, () -> plan(NAME + "execution.lockstep = 0"));
        assertTrue(p.getMessage().contains("lockstep: must be auto or a whole number ≥ 1 (1 = off), got 0"), p.getMessage());
        // a word or a fraction: one problem each, saying what is allowed
        for (String bad : List.of("wide", "2.5")) {
            ConfigProblems q = assertThrows(ConfigProblems.class, () -> plan(NAME + "execution.lockstep = " + bad));
            assertEquals(1, q.problems().size(), q.getMessage());
            assertTrue(q.getMessage().contains("lockstep"), q.getMessage());
        }
        ConfigProblems word = assertThrows(ConfigProblems.class, () -> plan(NAME + "execution.lockstep = wide"));
        assertTrue(word.getMessage().contains("must be auto or a whole number ≥ 1 (1 = off), got \"wide\""),
                word.getMessage());
    }

    @Test
    void sobolCountsThatAreNotPowersOfTwoAreWarnedAbout() {
        String block = NAME + "axes = [{ sample = sobol, count = %d, ranges = [ { path = model.lambda, from = 0.1, to = 0.5 } ] }]";
        List<String> warnings = plan(block.formatted(48)).warnings();
        assertEquals(List.of("axes[0]: sobol count 48 is not a power of two; a Sobol sequence is balanced only over 2^m"
                + " points (use 32 or 64)"), warnings);
        assertEquals(List.of(), plan(block.formatted(64)).warnings());
    }

    @Test
    void largeSweepsAreCheckedOnASelectionThatCoversEveryAxisValue() {
        SweepPlan plan = plan(NAME + "base.training.cycles = 1\naxes = [{ path = model.n-lat, linear { from = 10, to = 59, count = 50 } },"
                + " { sample = random, count = 50, ranges = [ { path = model.lambda, from = 0.1, to = 0.5 } ] }]");
        assertEquals(2500, plan.points().size());
        assertEquals(List.of("checked 2000 of 2500 points before running (every position of every axis); an invalid"
                + " point among the others fails when it runs"), plan.warnings());
        String message = problems(NAME + "axes = [{ path = model.n-lat, linear { from = 0, to = 49, count = 50 } },"
                + " { sample = random, count = 50, ranges = [ { path = model.lambda, from = 0.1, to = 0.5 } ] }]");
        assertTrue(message.contains("axes[0] model.n-lat = 0: model.n-lat: must be ≥ 1"), message);
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private static Set<Object> values(SweepPlan plan, String path) {
        return plan.points().stream().map(p -> p.parameters().get(path)).collect(Collectors.toSet());
    }

    /** The values a parameter takes, in order of first appearance. */
    private static List<Object> column(SweepPlan plan, String path) {
        return plan.points().stream().map(p -> p.parameters().get(path)).distinct().toList();
    }

    static SimulationSpec spec(PlannedRun run) {
        return run.spec();
    }
}
