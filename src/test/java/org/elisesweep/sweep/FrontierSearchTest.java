package org.elisesweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;

/** The search against synthetic outcomes: known success curves, no simulations. */
class FrontierSearchTest {

    /** Outcomes of replicate k at x: pass with probability curve(x), drawn from a generator seeded by (x, k). */
    interface Curve {
        double pass(double x);
    }

    static FrontierSpec spec(double from, double to, boolean below, double precision, int replicates, int probes,
                             int rounds, long sims, boolean whole) {
        return new FrontierSpec("p", from, to, below, "c", precision, false, replicates, probes, rounds, sims, whole);
    }

    /** Runs the search to its end as the driver does: each round's probes get their outcomes, then the next step. */
    static FrontierSearch.Step search(FrontierSpec spec, Curve curve, long noiseSeed) {
        FrontierSearch search = new FrontierSearch(spec);
        List<FrontierSearch.Probe> probes = new ArrayList<>();
        int rounds = 0;
        while (true) {
            FrontierSearch.Step step = search.next(probes, rounds);
            if (step.estimate().status().finished()) {
                return step;
            }
            assertTrue(!step.next().isEmpty(), "a running search proposes probes");
            for (double x : step.next()) {
                assertTrue(x >= spec.from() && x <= spec.to(), "probe " + x + " inside the range");
                int passes = 0;
                for (int k = 0; k < spec.replicates(); k++) {
                    Random r = new Random(Double.doubleToLongBits(x) * 31 + k + noiseSeed);
                    passes += r.nextDouble() < curve.pass(x) ? 1 : 0;
                }
                probes.add(new FrontierSearch.Probe(x, passes, spec.replicates()));
            }
            rounds++;
        }
    }

    static Curve logistic(double xStar, double width) {
        return x -> 1 / (1 + Math.exp((x - xStar) / width));
    }

    @Test
    void aNoiselessStepIsFoundWithinThePrecisionInTheRoundsOfBisectionByQuarters() {
        FrontierSpec spec = spec(0, 2, true, 0.01, 1, 3, 20, Long.MAX_VALUE, false);
        FrontierSearch.Step end = search(spec, x -> x < 1.2345 ? 1 : 0, 0);
        FrontierSearch.Estimate e = end.estimate();
        assertEquals(FrontierStatus.CONVERGED, e.status());
        assertTrue(Math.abs(e.xStar() - 1.2345) <= 0.01, "x* = " + e.xStar());
        assertTrue(e.low() <= 1.2345 && 1.2345 <= e.high(), e.toString());
        assertTrue(e.lastPass() < 1.2345 && 1.2345 < e.firstFail(), e.toString());
        // three probes a round cut the bracket to a quarter: range 2 to 0.01 takes ceil(log4(200)) = 4 rounds
        // after the first; one more for the credible interval to settle inside the bracket
        assertTrue(e.rounds() <= 1 + 4 + 1, "rounds " + e.rounds());
        assertEquals(0, e.violations());
    }

    @Test
    void aNoisyLogisticCurveIsFoundWithinThePrecisionForManyTruths() {
        for (int t = 0; t < 6; t++) {
            double truth = 0.2 + 0.29 * t;
            FrontierSpec spec = spec(0, 2, true, 0.1, 4, 3, 12, Long.MAX_VALUE, false);
            FrontierSearch.Estimate e = search(spec, logistic(truth, 0.03), t).estimate();
            assertEquals(FrontierStatus.CONVERGED, e.status(), "truth " + truth + ": " + e);
            assertTrue(Math.abs(e.xStar() - truth) <= 0.1, "truth " + truth + ": " + e);
            assertTrue(e.high() - e.low() <= 0.1, e.toString());
            // bisection by quarters needs ceil(log4(2 / 0.1)) = 3 rounds after the first; noise may cost a few more
            assertTrue(e.rounds() <= 1 + 3 + 4, "truth " + truth + ": rounds " + e.rounds());
            assertTrue(e.simulations() < 16 * 4 * 2, "fewer simulations than a 16-level grid of 8: " + e);
        }
    }

    @Test
    void aCriterionThatHoldsAboveTheFrontierIsSearchedTheOtherWayRound() {
        FrontierSpec spec = spec(-5, 5, false, 0.2, 3, 3, 12, Long.MAX_VALUE, false);
        FrontierSearch.Estimate e = search(spec, x -> 1 - logistic(1.5, 0.05).pass(x), 7).estimate();
        assertEquals(FrontierStatus.CONVERGED, e.status());
        assertTrue(Math.abs(e.xStar() - 1.5) <= 0.2, e.toString());
        assertTrue(e.firstFail() < 1.5 && 1.5 < e.lastPass(), "passing side above: " + e);
    }

    @Test
    void withoutACrossingInTheRangeTheStatusSaysOnWhichSideItLies() {
        FrontierSpec below = spec(0, 1, true, 0.05, 2, 3, 8, Long.MAX_VALUE, false);
        FrontierSearch.Estimate allPass = search(below, x -> 1, 0).estimate();
        assertEquals(FrontierStatus.NO_CROSSING_ABOVE, allPass.status());
        assertEquals(1, allPass.rounds());
        assertNull(allPass.xStar());
        assertEquals(1.0, allPass.lastPass());
        assertNull(allPass.firstFail());
        assertEquals(FrontierStatus.NO_CROSSING_BELOW, search(below, x -> 0, 0).estimate().status());
        FrontierSpec above = spec(0, 1, false, 0.05, 2, 3, 8, Long.MAX_VALUE, false);
        assertEquals(FrontierStatus.NO_CROSSING_BELOW, search(above, x -> 1, 0).estimate().status());
        assertEquals(FrontierStatus.NO_CROSSING_ABOVE, search(above, x -> 0, 0).estimate().status());
    }

    @Test
    void aMonotonicityViolationIsCountedAndDoesNotMisleadTheSearch() {
        // one value far on the passing side fails every replicate (a broken probe); the fit shrugs it off
        FrontierSpec spec = spec(0, 1, true, 0.05, 3, 3, 12, Long.MAX_VALUE, false);
        Curve holed = x -> x == 0.5 ? 0 : x < 0.8 ? 1 : 0;
        FrontierSearch.Estimate e = search(spec, holed, 0).estimate();
        assertEquals(FrontierStatus.CONVERGED, e.status(), e.toString());
        assertTrue(Math.abs(e.xStar() - 0.8) <= 0.05, e.toString());
        assertTrue(e.violations() > 0, "the pass above the failing 0.5 contradicts monotonicity: " + e);
        assertEquals(0.5, e.firstFail(), "the bracket is read from the passing end: " + e);

        // passing at both ends, failing between: not a frontier in the range
        FrontierSearch.Estimate dip = search(spec, x -> x > 0.3 && x < 0.7 ? 0 : 1, 0).estimate();
        assertEquals(FrontierStatus.NO_CROSSING_ABOVE, dip.status());
        assertTrue(dip.violations() > 0, dip.toString());
    }

    @Test
    void budgetsStopTheSearch() {
        FrontierSpec rounds = spec(0, 2, true, 0.001, 2, 3, 2, Long.MAX_VALUE, false);
        FrontierSearch.Estimate byRounds = search(rounds, logistic(1.1, 0.01), 0).estimate();
        assertEquals(FrontierStatus.BUDGET, byRounds.status());
        assertEquals(2, byRounds.rounds());
        assertTrue(byRounds.low() <= 1.1 && 1.1 <= byRounds.high(), byRounds.toString());

        FrontierSpec sims = spec(0, 2, true, 0.001, 2, 3, 50, 10 + 2 * 2, false);
        FrontierSearch.Estimate bySims = search(sims, logistic(1.1, 0.01), 0).estimate();
        assertEquals(FrontierStatus.BUDGET, bySims.status());
        assertEquals(14, bySims.simulations(), "5 probes × 2 in the first round, then 2 of 3 probes fit in 4 more");
    }

    @Test
    void aWholeNumberParameterIsProbedAtWholeNumbersUntilTheBracketIsAdjacent() {
        FrontierSpec spec = spec(2, 40, true, 1, 1, 3, 20, Long.MAX_VALUE, true);
        List<Double> seen = new ArrayList<>();
        FrontierSearch.Step end = search(spec, x -> {
            seen.add(x);
            return x <= 17 ? 1 : 0;
        }, 0);
        assertTrue(seen.stream().allMatch(x -> x == Math.rint(x)), "probes " + seen);
        FrontierSearch.Estimate e = end.estimate();
        assertEquals(FrontierStatus.CONVERGED, e.status(), e.toString());
        assertEquals(17.0, e.lastPass());
        assertEquals(18.0, e.firstFail());
    }

    @Test
    void theProposalsArePureFunctionsOfTheProbesWhateverTheirOrder() {
        FrontierSpec spec = spec(0, 3, true, 0.01, 4, 4, 10, Long.MAX_VALUE, false);
        List<FrontierSearch.Probe> probes = new ArrayList<>(List.of(new FrontierSearch.Probe(0, 4, 4),
                new FrontierSearch.Probe(3, 0, 4), new FrontierSearch.Probe(1.2, 3, 4),
                new FrontierSearch.Probe(1.8, 1, 4), new FrontierSearch.Probe(2.4, 0, 4)));
        FrontierSearch.Step first = new FrontierSearch(spec).next(probes, 1);
        Collections.reverse(probes);
        FrontierSearch.Step again = new FrontierSearch(spec).next(probes, 1);
        assertEquals(first, again);
        assertEquals(4, first.next().size());
        DoublePredicate inBracket = x -> x > 1.2 && x < 2.4;
        assertTrue(first.next().stream().mapToDouble(Double::doubleValue).allMatch(inBracket), first.toString());
    }
}
