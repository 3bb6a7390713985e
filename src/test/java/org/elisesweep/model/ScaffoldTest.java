package org.elisesweep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Statistics of scaffold growth (docs/model.md §4) over many seeds. */
class ScaffoldTest {
    private static final int SEEDS = 600;

    private static Scaffold grow(long seed, double q) {
        return Scaffold.grow(13, 50, 0.2, q, 0.04, ScaffoldRule.UNIFORM, new RandomStreams(seed).stream(RandomStreams.SCAFFOLD));
    }

    @Test
    void structureRulesHoldForEverySeed() {
        for (long seed = 0; seed < SEEDS; seed++) {
            Scaffold s = grow(seed, 0.15);
            for (int v = 0; v < 13; v++) {
                assertEquals(0, s.inDegree(v), "visible neuron " + v + " receives scaffold input");
            }
            for (int i = 13; i < 63; i++) {
                Set<Integer> seen = new HashSet<>();
                for (int j : s.sourcesOf(i)) {
                    assertTrue(j != i, "self-connection on " + i);
                    assertTrue(seen.add(j), "duplicate " + j + " -> " + i);
                }
            }
        }
    }

    @Test
    void meanOutDegreeMatchesTheGrowthLaw() {
        // E[n] = (1 − p0)·(1 + p + p·p² + p·p²·p³ + …) ≈ 1.1597 for p = 0.2, p0 = 0.04
        double p = 0.2;
        double expected = 0;
        double stay = 1;
        for (int n = 1; n < 20; n++) {
            expected += stay;          // P(n_out ≥ n) given not silent
            stay *= Math.pow(p, n);
        }
        expected *= 1 - 0.04;
        long connections = 0;
        long sources = 0;
        double sumSq = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            Scaffold s = grow(seed, 0.15);
            for (int j = 0; j < 63; j++) {
                boolean source = j < 13 || s.inDegree(j) > 0;   // every marked neuron became a source once
                if (source) {
                    int d = s.outDegree(j);
                    connections += d;
                    sumSq += d * d;
                    sources++;
                }
            }
        }
        double mean = (double) connections / sources;
        double sd = Math.sqrt(sumSq / sources - mean * mean);
        assertEquals(expected, mean, 4 * sd / Math.sqrt(sources), "mean out-degree");
        assertEquals(1.16, mean, 0.03);
        double perNetwork = (double) connections / SEEDS;
        assertTrue(perNetwork > 60 && perNetwork < 85, "connections per network " + perNetwork);
    }

    @Test
    void inDegreeFollowsTheAcceptanceProbabilityQ() {
        // a target with in-degree d accepts with probability q^d: q = 0 never allows a second input;
        // q = 1 accepts blindly, so high convergence is common; q = 0.15 keeps in-degree at 2–3
        int atLeast3Q1 = 0;
        int atLeast3Q015 = 0;
        int maxQ015 = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            Scaffold zero = grow(seed, 0.0);
            Scaffold one = grow(seed, 1.0);
            Scaffold paper = grow(seed, 0.15);
            for (int i = 13; i < 63; i++) {
                assertTrue(zero.inDegree(i) <= 1, "q = 0 gave in-degree " + zero.inDegree(i));
                atLeast3Q1 += one.inDegree(i) >= 3 ? 1 : 0;
                atLeast3Q015 += paper.inDegree(i) >= 3 ? 1 : 0;
                maxQ015 = Math.max(maxQ015, paper.inDegree(i));
            }
        }
        assertTrue(atLeast3Q1 > 3 * atLeast3Q015, atLeast3Q1 + " vs " + atLeast3Q015);
        assertTrue(maxQ015 <= 4, "max in-degree " + maxQ015);
    }

    @Test
    void fewLatentsAreLeftWithoutScaffoldInput() {
        int[] unreached = new int[SEEDS];
        double mean = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            Scaffold s = grow(seed, 0.15);
            for (int i = 13; i < 63; i++) {
                unreached[seed] += s.inDegree(i) == 0 ? 1 : 0;
            }
            mean += unreached[seed] / (double) SEEDS;
        }
        assertTrue(mean < 6, "mean latents without input " + mean);
        assertFalse(mean == 0, "some seeds should leave a latent unreached");
    }
}
