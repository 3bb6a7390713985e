package org.elisesweep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Weight noise and synapse deletion after training (docs/model.md §8). */
class WeightDisturbanceTest {
    private static final double Z = 5.0;

    private static Network trained(ModelParams m) {
        Network net = Network.create(m, Pattern.fuerElise(), 10.0, 12);
        for (int c = 0; c < 2; c++) {
            assertEquals(-1, net.runCycle(true, null, null));
        }
        return net;
    }

    private static ModelParams model(Mode mode, boolean sparse) {
        ModelParams.Builder b = ModelParams.defaults().toBuilder().nLat(20).mode(mode);
        return (sparse ? b.connectivity(Connectivity.SPARSE).density(0.5) : b).build();
    }

    /**
     * Only existing learning synapses change, each by σ_w·ξ (additive) or by the factor
     * 1 + σ_w·ξ (multiplicative): over M synapses the sample variance of ξ·σ_w is σ_w² with SE
     * σ_w²·sqrt(2/M). The diagonal, absent sparse synapses and fixed (non-learning) latent
     * dendrites keep their bits.
     */
    @ParameterizedTest
    @EnumSource(WeightNoiseKind.class)
    void weightNoiseTouchesOnlyExistingLearningSynapses(WeightNoiseKind kind) {
        double sigma = 0.2;
        for (Mode mode : Mode.values()) {
            for (boolean sparse : new boolean[] {false, true}) {
                Network net = trained(model(mode, sparse));
                double[][] before = rows(net);
                net.perturbWeights(new NoiseParams.WeightNoise(sigma, kind, 0.0));
                int n = net.wiring().neurons();
                double sumSq = 0;
                int learning = 0;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        double w0 = before[j][i];
                        double w1 = net.state().weight(i, j);
                        boolean learns = i != j && net.wiring().hasSynapse(j, i)
                                && (mode == Mode.ELISE || i < net.wiring().visibleNeurons());
                        assertEquals(learns, net.isLearningSynapse(j, i));
                        if (learns) {
                            double xi = kind == WeightNoiseKind.ADDITIVE ? w1 - w0 : w1 / w0 - 1;
                            assertNotEquals(0.0, xi, "synapse " + j + " -> " + i);
                            sumSq += xi * xi;
                            learning++;
                        } else {
                            assertEquals(w0, w1, 0.0, mode + " synapse " + j + " -> " + i + " must not change");
                        }
                    }
                }
                assertEquals(sigma * sigma, sumSq / learning, Z * sigma * sigma * Math.sqrt(2.0 / learning),
                        mode + (sparse ? " sparse" : ""));
            }
        }
    }

    private static double[][] rows(Network net) {
        double[][] w = new double[net.state().weightRows.length][];
        for (int j = 0; j < w.length; j++) {
            w[j] = net.state().weightRows[j].clone();
        }
        return w;
    }

    @Test
    void deletionRemovesTheRequestedFractionAndDeletedSynapsesStayZeroThroughLearning() {
        for (boolean sparse : new boolean[] {false, true}) {
            Network net = trained(model(Mode.ELISE, sparse));
            Network undisturbed = net.copy();
            int n = net.wiring().neurons();
            int before = countLearning(net);
            double fraction = 0.3;
            net.perturbWeights(new NoiseParams.WeightNoise(0.0, WeightNoiseKind.ADDITIVE, fraction));
            assertEquals(before - Math.round(fraction * before), countLearning(net));
            assertNotNull(net.synapseMaskArray());
            assertTrue(undisturbed.synapseMaskArray() == net.wiring().synapseMaskArray(), "a copy keeps its own mask");
            double[][] trainedW = rows(net);
            for (int c = 0; c < 3; c++) {
                assertEquals(-1, net.runCycle(Phase.REPLAY, c < 2, null, null));
            }
            int deleted = 0;
            int moved = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (undisturbed.isLearningSynapse(j, i) && !net.isLearningSynapse(j, i)) {
                        deleted++;
                        assertEquals(0.0, net.state().weight(i, j), 0.0, "deleted " + j + " -> " + i + " regrew");
                    } else if (net.isLearningSynapse(j, i) && net.state().weight(i, j) != trainedW[j][i]) {
                        moved++;
                    }
                }
            }
            assertEquals(Math.round(fraction * before), deleted);
            assertTrue(moved > before / 2, "the surviving synapses go on learning (" + moved + " moved)");
        }
    }

    private static int countLearning(Network net) {
        int n = net.wiring().neurons();
        int count = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                count += net.isLearningSynapse(j, i) ? 1 : 0;
            }
        }
        return count;
    }

    @Test
    void aSmallerDeletionFractionDeletesASubsetOfALargerOne() {
        Network base = trained(model(Mode.RESERVOIR, false));
        Network few = base.copy();
        Network many = base.copy();
        few.perturbWeights(new NoiseParams.WeightNoise(0.0, WeightNoiseKind.ADDITIVE, 0.1));
        many.perturbWeights(new NoiseParams.WeightNoise(0.0, WeightNoiseKind.ADDITIVE, 0.4));
        int n = base.wiring().neurons();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (!few.isLearningSynapse(j, i) && base.isLearningSynapse(j, i)) {
                    assertFalse(many.isLearningSynapse(j, i));
                }
            }
        }
        assertTrue(countLearning(few) > countLearning(many));
    }

    /** Without weight noise nothing changes: not W, not s, and an all-to-all network keeps the unmasked kernels. */
    @Test
    void noWeightNoiseIsANoOp() {
        Network net = trained(model(Mode.ELISE, false));
        NetworkState before = net.state().copy();
        net.perturbWeights(new NoiseParams.WeightNoise(0.0, WeightNoiseKind.MULTIPLICATIVE, 0.0));
        assertTrue(net.state().sameAs(before));
        assertNull(net.synapseMaskArray());
    }

    /** After weight noise, the next step's dendritic input is W·r^d of the new W. */
    @Test
    void theDendriticInputFollowsTheDisturbedWeights() {
        Network net = trained(model(Mode.SOMA_ONLY, false));
        net.perturbWeights(new NoiseParams.WeightNoise(0.3, WeightNoiseKind.ADDITIVE, 0.2));
        NetworkState s = net.state();
        int n = s.neurons();
        for (int i = 0; i < net.wiring().visibleNeurons(); i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += s.weight(i, j) * s.delayedRate[j];
            }
            assertEquals(sum, s.dendriticInput[i], 0.0);
        }
    }
}
