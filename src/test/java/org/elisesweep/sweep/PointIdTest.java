package org.elisesweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.elisesweep.model.ModelVersion;
import org.elisesweep.model.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Point ids and replicate seeds: pure, documented functions of the parameters. */
class PointIdTest {

    @TempDir
    Path dir;

    private SweepPlan plan(String hocon) {
        return SweepFileTest.plan(hocon, dir);
    }

    private static SortedMap<String, Object> defaults() {
        return new TreeMap<>(ParameterCatalog.INSTANCE.defaults());
    }

    @Test
    void theIdIsTheDocumentedHash() {
        SortedMap<String, Object> p = new TreeMap<>(Map.of("model.n-lat", 30, "model.lambda", 0.5, "model.mode", "elise"));
        String text = ModelVersion.ID + "\n"
                + "model.lambda=" + Double.toHexString(0.5) + "\n"
                + "model.mode=\"elise\"\n"
                + "model.n-lat=30\n";
        assertEquals(Sha256.hex(text).substring(0, 16), SweepPoint.idOf(p));
        assertTrue(SweepPoint.idOf(p).matches("[0-9a-f]{16}"));
    }

    @Test
    void theIdIsStableAcrossPlansOfTheSameFile() {
        String file = "name = t\naxes = [{ path = model.n-lat, values = [20, 30] }, { sample = sobol, count = 4, ranges = ["
                + " { path = model.lambda, from = 0.1, to = 0.9 } ] }]";
        assertEquals(plan(file).points().stream().map(SweepPoint::pointId).toList(),
                plan(file).points().stream().map(SweepPoint::pointId).toList());
        SweepPoint first = plan(file).points().get(0);
        assertEquals(first.pointId(), SweepPoint.idOf(first.parameters()));
    }

    @Test
    void keyOrderDoesNotMatter() {
        SortedMap<String, Object> reversed = new TreeMap<>(Comparator.reverseOrder());
        reversed.putAll(defaults());
        assertEquals(SweepPoint.idOf(defaults()), SweepPoint.idOf(reversed));
        assertEquals(defaults(), new SweepPoint("x", reversed).parameters());
        assertEquals("model.connectivity", new SweepPoint("x", reversed).parameters().firstKey());
    }

    @Test
    void wholeNumbersForDoubleParametersAreTheSameValue() {
        SortedMap<String, Object> a = defaults();
        a.put("model.g-den", 3);
        SortedMap<String, Object> b = defaults();
        b.put("model.g-den", 3.0);
        assertEquals(SweepPoint.idOf(a), SweepPoint.idOf(b));
        SortedMap<String, Object> c = defaults();
        c.put("model.n-lat", 50L);
        assertEquals(SweepPoint.idOf(defaults()), SweepPoint.idOf(c));
        SortedMap<String, Object> d = defaults();
        d.put("model.e-e", -0.0);
        assertEquals(SweepPoint.idOf(defaults()), SweepPoint.idOf(d));
        assertEquals(plan("name = t\nbase.model.lambda = 0").points().get(0).pointId(),
                plan("name = t\nbase.model.lambda = 0.0").points().get(0).pointId());
    }

    @Test
    void changingAnyParameterChangesTheId() {
        Set<String> ids = new HashSet<>();
        ids.add(SweepPoint.idOf(defaults()));
        for (Map.Entry<String, Object> e : defaults().entrySet()) {
            SortedMap<String, Object> p = defaults();
            Object v = e.getValue();
            p.put(e.getKey(), v instanceof Integer i ? i + 1 : v instanceof Double d ? d * 1.5 + 0.1
                    : v instanceof Boolean b ? !b : v + "x");
            assertTrue(ids.add(SweepPoint.idOf(p)), e.getKey());
        }
        assertEquals(defaults().size() + 1, ids.size());
    }

    @Test
    void theSeedIsNotPartOfTheId() {
        SortedMap<String, Object> withSeed = defaults();
        withSeed.put("seed", 7L);
        assertEquals(SweepPoint.idOf(defaults()), SweepPoint.idOf(withSeed));
    }

    @Test
    void aPatternCountsByContentNotByFileName() throws IOException {
        Files.writeString(dir.resolve("abc.txt"), "# A B A C\n1 0 1 0\n0 1 0 0\n0 0 0 1\n");
        Files.writeString(dir.resolve("abc-copy.txt"), "1010\n0100\n0001\n");
        SortedMap<String, Object> a = defaults();
        a.put("pattern.source", "one/name.txt");
        a.put("pattern.inline", "0101\n1010\n");
        SortedMap<String, Object> b = new TreeMap<>(a);
        b.put("pattern.source", "another.txt");
        assertEquals(SweepPoint.idOf(a), SweepPoint.idOf(b));
        b.put("pattern.inline", "0101\n1011\n");
        assertNotEquals(SweepPoint.idOf(a), SweepPoint.idOf(b));
        // and through sweep files: a copy under another name, with other layout and comments, is the same point
        String abc = plan("name = t\nbase { pattern.source = abc.txt, replay.scenarios = [silence-cycle] }").points().get(0).pointId();
        assertEquals(abc, plan("name = t\nbase { pattern.source = abc-copy.txt, replay.scenarios = [silence-cycle] }").points().get(0).pointId());
        assertNotEquals(abc, plan("name = t\nbase.replay.scenarios = [silence-cycle]").points().get(0).pointId());
    }

    @Test
    void commonSeedsAreTheOutputsOfSplitMix64SeededWithTheBaseSeed() {
        for (long base : new long[] {0, 1, -5, 123_456_789_012L}) {
            SplitMix64 reference = new SplitMix64(base);
            for (int k = 0; k < 5; k++) {
                long expected = reference.nextLong();
                assertEquals(expected, Seeding.COMMON.seed(base, "0123456789abcdef", k));
                assertEquals(expected, Seeding.COMMON.seed(base, "fedcba9876543210", k));
            }
        }
    }

    @Test
    void perPointSeedsDifferBetweenPointsAndReplicatesAndAreReproducible() {
        Set<Long> seeds = new HashSet<>();
        for (String id : new String[] {"0123456789abcdef", "0123456789abcdee", "ffffffffffffffff"}) {
            for (int k = 0; k < 4; k++) {
                long s = Seeding.PER_POINT.seed(1, id, k);
                assertEquals(s, Seeding.PER_POINT.seed(1, id, k));
                seeds.add(s);
            }
        }
        assertEquals(12, seeds.size());
        assertNotEquals(Seeding.PER_POINT.seed(1, "0123456789abcdef", 0), Seeding.PER_POINT.seed(2, "0123456789abcdef", 0));
    }

    @Test
    void seedingIsNamedAsInSweepFiles() {
        assertEquals(Seeding.PER_POINT, Seeding.parse("per-point"));
        assertEquals("common", Seeding.COMMON.key());
    }
}
