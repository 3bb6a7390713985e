package org.elisesweep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pattern generators and the Markov-order measurement (docs/model.md §5, extension). */
class PatternGeneratorsTest {
    private static final int SEEDS = 40;

    static PatternRecipe random(long seed, int neurons, int steps, int min, int max, int order) {
        return new PatternRecipe(PatternGenerator.RANDOM, seed, neurons, steps, min, max, order, 4, 5, "", 7);
    }

    static PatternRecipe motif(long seed, String motif, int syllables, int syllableSteps, int motifLength) {
        return new PatternRecipe(PatternGenerator.MOTIF, seed, 13, 25, 1, 2, 4, syllables, syllableSteps, motif,
                motifLength);
    }

    private static Pattern parse(String rows) {
        return Pattern.parse("test", rows);
    }

    @Test
    void markovOrderOfKnownPatterns() {
        assertEquals(0, MarkovOrder.of(parse("1111\n0000\n")), "constant");
        assertEquals(1, MarkovOrder.of(parse("1010\n0101\n")), "A B A B");
        assertEquals(1, MarkovOrder.of(parse("100\n010\n001\n")), "A B C");
        assertEquals(2, MarkovOrder.of(parse("110\n001\n")), "A A B");
        assertEquals(4, MarkovOrder.of(parse("11110\n00001\n")), "A A A A B: K − 1");
        assertEquals(4, MarkovOrder.of(parse("1010100000\n0101000000\n0000010010\n0000001001\n0000000100\n")),
                "0 1 0 1 0 2 3 4 2 3 (LearningTest's melody): after 0 1 0 come 1 and 2, after 3 0 1 0 and 1 0 1 0 not");
        // Für Elise: after 0 1 0 comes 1 once and 4 once; four steps back tell them apart
        assertEquals(4, Pattern.fuerElise().markovOrder());
    }

    @Test
    void randomPatternsHaveTheRequestedShapeAndExactMarkovOrder() {
        for (int steps : new int[] {12, 25, 60}) {
            for (int order : new int[] {1, 2, 3, 5, 8}) {
                if (order >= steps) {
                    continue;
                }
                for (long seed = 0; seed < SEEDS; seed++) {
                    Pattern p = random(seed, 13, steps, 1, 3, order).generate();
                    assertEquals(13, p.neurons());
                    assertEquals(steps, p.steps());
                    assertEquals(order, p.markovOrder(), "K " + steps + ", seed " + seed);
                    assertTrue(p.everyNeuronVaries(), "K " + steps + ", seed " + seed + ": a neuron never changes");
                    for (int k = 0; k < steps; k++) {
                        int on = count(p.column(k));
                        assertTrue(on >= 1 && on <= 3, "step " + k + " has " + on + " active");
                    }
                }
            }
        }
        // the extremes: order K − 1, and one active neuron of three
        assertEquals(11, random(3, 3, 12, 1, 2, 11).generate().markovOrder());
        assertEquals(2, random(3, 3, 8, 1, 1, 2).generate().markovOrder());
    }

    @Test
    void activeCountsPerStepAreUniformInTheRange() {
        // from order 2 on the windows are plentiful and each step's count is drawn uniformly in [min, max]
        // (at order 1 every step must differ, which favours the counts with more distinct steps)
        long steps = 0;
        long[] byCount = new long[5];
        for (int order : new int[] {2, 3, 5}) {
            for (long seed = 0; seed < 100; seed++) {
                Pattern p = random(seed, 13, 40, 2, 4, order).generate();
                for (int k = 0; k < p.steps(); k++) {
                    byCount[count(p.column(k))]++;
                    steps++;
                }
                assertEquals(p.activeFraction(), sumOn(p) / (13.0 * 40), 1e-12);
            }
        }
        for (int c = 2; c <= 4; c++) {
            double expected = steps / 3.0;
            double se = Math.sqrt(steps * (1 / 3.0) * (2 / 3.0));
            assertEquals(expected, byCount[c], 4 * se, c + " active: " + byCount[c] + " of " + steps);
        }
    }

    @Test
    void sameRecipeSamePatternAndTheSeedMatters() {
        Pattern a = random(7, 13, 30, 1, 2, 3).generate();
        assertEquals(a, random(7, 13, 30, 1, 2, 3).generate());
        assertEquals(a.sha256(), random(7, 13, 30, 1, 2, 3).generate().sha256());
        assertNotEquals(a, random(8, 13, 30, 1, 2, 3).generate());
        Pattern m = motif(7, "", 4, 3, 8).generate();
        assertEquals(m, motif(7, "", 4, 3, 8).generate());
        assertNotEquals(m, motif(8, "", 4, 3, 8).generate());
        // the simulation's seed never enters: two simulations of one recipe learn the same pattern
        SimulationSpec s1 = new SimulationSpec(ModelParams.defaults(), ProtocolParams.defaults(), a, java.util.List.of(), 1);
        SimulationSpec s2 = new SimulationSpec(ModelParams.defaults(), ProtocolParams.defaults(),
                random(7, 13, 30, 1, 2, 3).generate(), java.util.List.of(), 2);
        assertEquals(s1.pattern(), s2.pattern());
    }

    @Test
    void aGeneratedPatternWrittenToAFileReadsBackIdentical(@TempDir Path dir) throws IOException {
        for (Pattern p : new Pattern[] {random(1, 13, 25, 1, 2, 4).generate(), motif(1, "A A B C A B D", 4, 5, 7).generate()}) {
            Path file = dir.resolve("p.txt");
            Files.writeString(file, p.toText());
            Pattern back = Pattern.load(file);
            assertEquals(p, back);
            assertEquals(p.sha256(), back.sha256());
            assertEquals(p.markovOrder(), back.markovOrder());
        }
    }

    @Test
    void aGivenMotifRepeatsIdenticalSyllablesThatAreFollowedByDifferentOnes() {
        String motif = "AABCABD";
        int l = 5;
        for (long seed = 0; seed < SEEDS; seed++) {
            Pattern p = motif(seed, "A A B C A B D", 4, l, 7).generate();
            assertEquals(35, p.steps());
            Set<String> syllables = new HashSet<>();
            for (int k = 0; k < motif.length(); k++) {
                for (int j = 0; j < motif.length(); j++) {
                    boolean same = syllable(p, k, l).equals(syllable(p, j, l));
                    assertEquals(motif.charAt(k) == motif.charAt(j), same, "syllables " + k + " and " + j);
                }
                syllables.add(syllable(p, k, l));
            }
            assertEquals(4, syllables.size());
            assertTrue(p.everyNeuronVaries());
            // A is followed by A and by B: one syllable of memory is not enough
            assertTrue(p.markovOrder() > l, "order " + p.markovOrder() + " with syllables of " + l + " steps");
        }
    }

    @Test
    void aDrawnMotifUsesEverySyllableAndHasASyllableWithTwoSuccessors() {
        for (long seed = 0; seed < 200; seed++) {
            int[] m = MotifPatterns.drawMotif(4, 7, new RandomStreams(seed).stream(RandomStreams.PATTERN));
            assertEquals(7, m.length);
            for (int s = 0; s < 4; s++) {
                final int syl = s;
                assertTrue(java.util.Arrays.stream(m).anyMatch(x -> x == syl), "syllable " + s);
            }
            assertTrue(MotifPatterns.hasTwoSuccessors(m));
            assertEquals(7, MotifPatterns.period(m));
            Pattern p = motif(seed, "", 4, 3, 7).generate();
            assertEquals(21, p.steps());
            assertTrue(p.markovOrder() > 3, "seed " + seed + ": order " + p.markovOrder());
        }
    }

    @Test
    void impossibleRequestsAreRefusedNamingThePath() {
        assertRefused("pattern.active-max", random(1, 13, 25, 1, 14, 3));
        assertRefused("pattern.active-min", random(1, 13, 25, 3, 2, 3));
        assertRefused("pattern.markov-order", random(1, 13, 25, 1, 2, 25));
        assertRefused("pattern.active-max", random(1, 13, 8, 1, 2, 3));   // 8 − 2 distinct steps × 2 < 13 neurons
        assertRefused("pattern.active-max", random(1, 13, 12, 1, 2, 11));
        assertRefused("pattern.steps", random(1, 2, 30, 1, 1, 2));    // 2 steps kinds: 4 windows of 2 for 30 steps
        assertRefused("pattern.motif", motif(1, "A A B C A B D", 4, 200, 7));   // 1 400 steps
        assertRefused("pattern.motif-length", motif(1, "", 4, 200, 7));
        assertRefused("pattern.motif-length", motif(1, "", 4, 3, 4));
        assertRefused("pattern.motif", motif(1, "A A B E", 4, 3, 7));
        assertRefused("pattern.motif", motif(1, "A A B C", 4, 3, 7));    // D never appears
        assertRefused("pattern.motif", motif(1, "A B C D", 4, 3, 7));    // no syllable with two successors
        assertRefused("pattern.motif", motif(1, "A A B A A B", 2, 3, 7)); // A A B twice
        InvalidParametersException e = assertThrows(InvalidParametersException.class,
                () -> new PatternRecipe(PatternGenerator.MOTIF, 1, 13, 25, 1, 2, 4, 0, 5, "", 7));
        assertEquals("pattern.syllables", e.violations().get(0).path());
        assertFalse(random(1, 13, 25, 1, 2, 3).violations().iterator().hasNext());
    }

    private static void assertRefused(String path, PatternRecipe recipe) {
        InvalidParametersException e = assertThrows(InvalidParametersException.class, recipe::generate);
        assertEquals(path, e.violations().get(0).path(), e.getMessage());
    }

    private static String syllable(Pattern p, int index, int l) {
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < l; s++) {
            sb.append(PatternColumns.key(p.column(index * l + s))).append('/');
        }
        return sb.toString();
    }

    private static int count(boolean[] column) {
        int n = 0;
        for (boolean b : column) {
            n += b ? 1 : 0;
        }
        return n;
    }

    private static long sumOn(Pattern p) {
        long n = 0;
        for (int k = 0; k < p.steps(); k++) {
            n += count(p.column(k));
        }
        return n;
    }
}
