package org.elisesweep.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

/** Bit-for-bit comparison of two simulation results: every number a result reports. */
final class ResultBits {
    private ResultBits() {
    }

    /** Every number a result reports, in order: curves, each scenario's scores, robustness, weights. */
    static List<Double> numbers(SimulationResult r) {
        List<Double> x = new ArrayList<>();
        for (double[] a : new double[][] {r.curve().mse(), r.curve().sumCorr()}) {
            for (double v : a) {
                x.add(v);
            }
        }
        for (ScenarioResult s : r.scenarios()) {
            x.add((double) s.divergedAt());
            if (s.scores() == null) {
                continue;   // diverged: nothing scored
            }
            for (double[] a : new double[][] {s.scores().mse(), s.scores().sumCorr(), s.scores().bestShiftMs()}) {
                for (double v : a) {
                    x.add(v);
                }
            }
            for (double[] row : s.lastAligned()) {
                for (double v : row) {
                    x.add(v);
                }
            }
            if (s.robustness() != null) {
                Robustness b = s.robustness();
                x.addAll(List.of(b.sumCorrBefore(), b.sumCorrDuring(), b.sumCorrAfter(), b.mseBefore(), b.mseDuring(),
                        b.mseAfter(), (double) b.recoveryCycles(), b.phaseJumpMs()));
            }
        }
        WeightSummary w = r.weights();
        if (w == null) {
            return x;   // training did not end
        }
        x.addAll(List.of(w.visFromVis(), w.visFromLat(), w.latFromVis(), w.latFromLat(), w.spectralRadius()));
        return x;
    }

    static void assertSameResults(SimulationResult expected, SimulationResult actual) {
        assertEquals(expected.status(), actual.status(), actual.message());
        assertEquals(expected.message(), actual.message());
        assertEquals(expected.scenarios().stream().map(ScenarioResult::name).toList(),
                actual.scenarios().stream().map(ScenarioResult::name).toList());
        assertArrayEquals(expected.curve().cycles(), actual.curve().cycles());
        List<Double> a = numbers(expected);
        List<Double> b = numbers(actual);
        assertEquals(a.size(), b.size());
        for (int k = 0; k < a.size(); k++) {
            assertEquals(Double.doubleToLongBits(a.get(k)), Double.doubleToLongBits(b.get(k)),
                    "number " + k + ": " + a.get(k) + " vs " + b.get(k));
        }
    }
}
