package org.elisesweep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/** The two scaffold-growth rules of docs/model.md §4 ({@link ScaffoldRule}). */
class ScaffoldRuleTest {
    private static final int SEEDS = 2000;

    private static Scaffold grow(long seed, ScaffoldRule rule) {
        return Scaffold.grow(13, 50, 0.2, 0.15, 0.04, rule, new RandomStreams(seed).stream(RandomStreams.SCAFFOLD));
    }

    @Test
    void theOriginalPickGivesTheFirstAndLastCandidatesHalfWeight() {
        int len = 10;
        int draws = 200_000;
        long[] count = new long[len];
        UniformRandomProvider rng = new RandomStreams(3).stream("test");
        for (int k = 0; k < draws; k++) {
            count[Scaffold.pick(len, ScaffoldRule.ORIGINAL, rng)]++;
        }
        // P(0) = P(len−1) = 1 / (2 (len − 1)), every other index 1 / (len − 1)
        double chi2 = 0;
        for (int i = 0; i < len; i++) {
            double p = (i == 0 || i == len - 1 ? 0.5 : 1.0) / (len - 1);
            double expected = p * draws;
            chi2 += (count[i] - expected) * (count[i] - expected) / expected;
            double se = Math.sqrt(draws * p * (1 - p));
            assertEquals(expected, count[i], 4 * se, "index " + i + " of " + Arrays.toString(count));
        }
        assertTrue(chi2 < 27.9, "chi-square " + chi2 + " with 9 degrees of freedom (p < 0.001 above 27.9)");
        // the uniform rule, for contrast: every index 1 / len
        long[] uniform = new long[len];
        for (int k = 0; k < draws; k++) {
            uniform[Scaffold.pick(len, ScaffoldRule.UNIFORM, rng)]++;
        }
        double p = 1.0 / len;
        for (int i = 0; i < len; i++) {
            assertEquals(p * draws, uniform[i], 4 * Math.sqrt(draws * p * (1 - p)), "uniform index " + i);
        }
    }

    @Test
    void theOriginalRemovalKeepsTheOrderOfTheRest() {
        UniformRandomProvider rng = new RandomStreams(5).stream("test");
        for (int trial = 0; trial < 200; trial++) {
            List<Integer> original = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6));
            int taken = Scaffold.takeSource(original, ScaffoldRule.ORIGINAL, rng);
            List<Integer> expected = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6));
            expected.remove(Integer.valueOf(taken));
            assertEquals(expected, original);
            List<Integer> uniform = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6));
            int u = Scaffold.takeSource(uniform, ScaffoldRule.UNIFORM, rng);
            if (u != 6) {
                assertEquals(6, uniform.get(u), "the last source fills the hole");
            }
            assertEquals(6, uniform.size());
        }
    }

    @Test
    void theOriginalRuleGrowsDuplicatesAndTheUniformRuleNever() {
        long duplicates = 0;
        long networksWithDuplicates = 0;
        double[] unreached = new double[2];
        for (long seed = 0; seed < SEEDS; seed++) {
            int[] d = {0};
            Scaffold o = grow(seed, ScaffoldRule.ORIGINAL);
            Scaffold u = grow(seed, ScaffoldRule.UNIFORM);
            for (int i = 13; i < 63; i++) {
                int[] src = o.sourcesOf(i);
                Arrays.sort(src);
                for (int k = 1; k < src.length; k++) {
                    d[0] += src[k] == src[k - 1] ? 1 : 0;
                }
                assertEquals(u.sourcesOf(i).length, Arrays.stream(u.sourcesOf(i)).distinct().count(), "uniform duplicate");
                unreached[0] += o.inDegree(i) == 0 ? 1 : 0;
                unreached[1] += u.inDegree(i) == 0 ? 1 : 0;
            }
            duplicates += d[0];
            networksWithDuplicates += d[0] > 0 ? 1 : 0;
        }
        // a duplicate needs a source with out-degree ≥ 2 (probability (1 − p0)·p ≈ 0.19) to draw the
        // same target again (1 in 50) and have it accept at q^(≥ 1): a few hundredths per network,
        // and their count is close to Poisson (SE √count / seeds)
        double perNetwork = (double) duplicates / SEEDS;
        double se = Math.sqrt(duplicates) / SEEDS;
        assertTrue(networksWithDuplicates > 50, networksWithDuplicates + " networks with a duplicate");
        assertTrue(perNetwork - 4 * se > 0.02 && perNetwork + 4 * se < 0.2, "duplicates per network " + perNetwork);
        // both rules leave about as many latents without input (docs/model.md §4: 0.60 and 0.68)
        double u0 = unreached[0] / SEEDS;
        double u1 = unreached[1] / SEEDS;
        assertTrue(u0 > 0.3 && u0 < 1.0 && u1 > 0.3 && u1 < 1.0, "latents without input " + u0 + ", " + u1);
        System.out.printf("duplicates per network %.3f ± %.3f; latents without input: original %.3f, uniform %.3f%n",
                perNetwork, se, u0, u1);
    }

    @Test
    void theOriginalRuleReachesTheFirstAndLastLatentLessOften() {
        double original = endsOverMiddle(ScaffoldRule.ORIGINAL);
        double uniform = endsOverMiddle(ScaffoldRule.UNIFORM);
        // connection counts are near Poisson: SE of the ratio ≈ ratio·√(1/ends + 1/middle), ends ≈ 2 600
        double se = 0.02;
        // the original rule draws the first and the last latent half as often; the acceptance
        // q^(in-degree) favours a less-used target, so they end with more than half the input
        assertTrue(original > 0.5 && original < 1 - 4 * se, "original: ends get " + original + " of a middle latent's input");
        assertEquals(1.0, uniform, 4 * se, "uniform: ends get " + uniform + " of a middle latent's input");
    }

    /** Scaffold input of the first and last latent per latent, over that of the others. */
    private static double endsOverMiddle(ScaffoldRule rule) {
        long ends = 0;
        long middle = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            Scaffold s = grow(seed, rule);
            ends += s.inDegree(13) + s.inDegree(62);
            for (int i = 14; i < 62; i++) {
                middle += s.inDegree(i);
            }
        }
        return (ends / 2.0) / (middle / 48.0);
    }

    @Test
    void aNetworkGrownByTheOriginalRuleSimulatesReproduciblyAndDiffersFromTheUniformOne() {
        ModelParams original = ModelParams.defaults().toBuilder().nLat(15).scaffoldRule(ScaffoldRule.ORIGINAL).build();
        ModelParams uniform = original.toBuilder().scaffoldRule(ScaffoldRule.UNIFORM).build();
        SimulationResult a = small(original);
        assertEquals(Status.OK, a.status(), a.message());
        assertTrue(Arrays.equals(a.curve().sumCorr(), small(original).curve().sumCorr()), "reproducible");
        assertTrue(!Arrays.equals(a.curve().sumCorr(), small(uniform).curve().sumCorr()), "another scaffold");
        assertTrue(!new SimulationSpec(original, ProtocolParams.defaults(), Pattern.fuerElise(), List.of(), 3)
                .trainingSignature().equals(new SimulationSpec(uniform, ProtocolParams.defaults(), Pattern.fuerElise(),
                        List.of(), 3).trainingSignature()), "a stored network of one rule never continues the other");
    }

    private static SimulationResult small(ModelParams m) {
        return Simulation.run(new SimulationSpec(m, new ProtocolParams(60, 20, 8, 3, 10.0), Pattern.fuerElise(),
                List.of(), 3), SimulationListener.NONE);
    }

    @Test
    void theUniformRuleIsBitIdenticalToTheGrowthBeforeTheRuleExisted() throws Exception {
        // SHA-256 of the sources of every target for seeds 0…199, computed with Scaffold.java of
        // commit 843766e (before model.scaffold-rule existed)
        StringBuilder sb = new StringBuilder();
        for (long seed = 0; seed < 200; seed++) {
            Scaffold s = grow(seed, ScaffoldRule.UNIFORM);
            for (int i = 0; i < s.neurons(); i++) {
                sb.append(Arrays.toString(s.sourcesOf(i)));
            }
            sb.append('\n');
        }
        assertEquals("06c06bbe40b16a177d5786683bf5e680a0bf7e15bef1c787eb6402cb8aef0a00", Sha256.hex(sb.toString()));
        assertEquals(ScaffoldRule.UNIFORM, ModelParams.defaults().scaffoldRule());
    }
}
