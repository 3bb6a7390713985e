package org.elisesweep.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * The search for one configuration's frontier x*, the value of the searched parameter where the
 * criterion's success probability crosses 0.5: a Bayesian monotone logistic fit on a grid, whose
 * posterior quantiles are the next probes (with one probe a round, this is probabilistic bisection).
 *
 * <p>Model: a replicate at x passes with probability {@code λ + (1 - 2λ) / (1 + exp(±s (x - x0)))}
 * (sign by which side passes), λ = {@value #LAPSE} a lapse rate so that one contrary outcome cannot
 * rule the truth out, a uniform prior on x0 over the range and a log-uniform one on the slope s.
 * x* is the posterior median of x0, its interval the central {@value #CREDIBLE} credible interval.
 *
 * <p>Pure and reproducible bit for bit: the result depends only on the spec and the probes given
 * (sorted here, whatever their order), every sum runs in a fixed order and StrictMath gives the
 * same exp and log on every JVM. No state is kept between calls.
 */
public final class FrontierSearch {
    private static final double LAPSE = 0.02;
    private static final double CREDIBLE = 0.90;
    private static final int SLOPES = 24;
    private static final int MIN_GRID = 401;
    private static final int MAX_GRID = 4001;

    /** The committed outcomes at one probed value: {@code passes} of {@code runs} replicates met the criterion. */
    public record Probe(double x, int passes, int runs) {
        boolean passed() {
            return 2L * passes >= runs;
        }
    }

    /**
     * A configuration's frontier as far as its probes tell.
     *
     * @param xStar      the posterior median of x* (null before any probe and without a crossing in the range)
     * @param low        the lower end of its credible interval (null with xStar)
     * @param high       the upper end (null with xStar)
     * @param lastPass   the probe nearest the frontier on the passing side that met the criterion (by majority), or null
     * @param firstFail  the probe on the failing side nearest to it that did not, or null
     * @param violations pairs of probes whose majorities contradict a monotone curve (a pass beyond a fail)
     * @param rounds     rounds that probed this configuration
     * @param simulations simulations of its probes
     * @param probes     values probed
     */
    public record Estimate(FrontierStatus status, Double xStar, Double low, Double high, Double lastPass,
                           Double firstFail, int violations, int rounds, long simulations, int probes) {
    }

    /** The estimate and the values to probe next (none once the status is final). */
    public record Step(Estimate estimate, List<Double> next) {
    }

    private final FrontierSpec spec;
    /** +1 when the criterion holds below the frontier, -1 above: u = sign · x passes below. */
    private final int sign;
    private final double[] grid;
    private final double[] slopes = new double[SLOPES];

    public FrontierSearch(FrontierSpec spec) {
        this.spec = spec;
        this.sign = spec.passesBelow() ? 1 : -1;
        double range = spec.to() - spec.from();
        double resolution = spec.relative()
                ? spec.precision() * Math.max(Math.abs(spec.from()), Math.abs(spec.to())) : spec.precision();
        int n = (int) Math.max(MIN_GRID, Math.min(MAX_GRID, Math.ceil(8 * range / resolution) + 1));
        grid = new double[n];
        for (int i = 0; i < n; i++) {
            grid[i] = spec.from() + range * i / (n - 1);
        }
        // from a transition as wide as the range to one a tenth of the precision wide
        double lo = 2 / range;
        double hi = Math.max(10 * lo, 40 / resolution);
        for (int j = 0; j < SLOPES; j++) {
            slopes[j] = lo * StrictMath.pow(hi / lo, (double) j / (SLOPES - 1));
        }
    }

    /**
     * The estimate of one configuration from its probes so far, and what to probe next.
     *
     * @param probes every committed probe of the configuration, in any order
     * @param rounds the rounds that probed it so far
     */
    public Step next(List<Probe> probes, int rounds) {
        if (probes.isEmpty()) {
            return new Step(new Estimate(FrontierStatus.RUNNING, null, null, null, null, null, 0, 0, 0, 0), firstRound());
        }
        List<Probe> sorted = merged(probes);
        long simulations = sorted.stream().mapToLong(Probe::runs).sum();
        Double[] bracket = bracket(sorted);
        int violations = violations(sorted);
        FrontierStatus outside = noCrossing(sorted);
        if (outside != null) {
            return new Step(new Estimate(outside, null, null, null, bracket[0], bracket[1], violations, rounds,
                    simulations, sorted.size()), List.of());
        }
        double[] cdf = posteriorCdf(sorted);
        double xStar = quantile(cdf, 0.5);
        double low = quantile(cdf, (1 - CREDIBLE) / 2);
        double high = quantile(cdf, (1 + CREDIBLE) / 2);
        FrontierStatus status = FrontierStatus.RUNNING;
        List<Double> next = List.of();
        long affordable = (spec.maxSimulations() - simulations) / spec.replicates();
        if (high - low <= spec.tolerance(xStar)) {
            status = FrontierStatus.CONVERGED;
        } else if (rounds >= spec.maxRounds() || affordable < 1) {
            status = FrontierStatus.BUDGET;
        } else {
            next = proposals(cdf, (int) Math.min(spec.probes(), affordable), sorted);
            if (next.isEmpty()) {   // every value the posterior points at is probed: nothing finer to learn
                status = FrontierStatus.CONVERGED;
            }
        }
        return new Step(new Estimate(status, xStar, low, high, bracket[0], bracket[1], violations, rounds,
                simulations, sorted.size()), next);
    }

    /** The ends of the range and {@code probes} values evenly between them. */
    private List<Double> firstRound() {
        List<Double> xs = new ArrayList<>();
        int n = spec.probes() + 1;
        for (int k = 0; k <= n; k++) {
            double x = k == n ? spec.to() : spec.from() + (spec.to() - spec.from()) * k / n;
            addNew(xs, spec.snap(x), List.of());
        }
        return xs;
    }

    /** The posterior quantiles k / (n + 1) of x0, as probe values not yet probed. */
    private List<Double> proposals(double[] cdf, int n, List<Probe> probed) {
        List<Double> xs = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            addNew(xs, spec.snap(quantile(cdf, (double) k / (n + 1))), probed);
        }
        return xs;
    }

    private static void addNew(List<Double> xs, double x, List<Probe> probed) {
        if (!xs.contains(x) && probed.stream().noneMatch(p -> p.x() == x)) {
            xs.add(x);
        }
    }

    /** The probes by value, outcomes at the same value added up. */
    private static List<Probe> merged(List<Probe> probes) {
        TreeMap<Double, Probe> byX = new TreeMap<>();
        for (Probe p : probes) {
            byX.merge(p.x(), p, (a, b) -> new Probe(a.x(), a.passes() + b.passes(), a.runs() + b.runs()));
        }
        return new ArrayList<>(byX.values());
    }

    /** The probes ordered from the passing end of the range to the failing end. */
    private List<Probe> fromPassingEnd(List<Probe> sorted) {
        List<Probe> out = new ArrayList<>(sorted);
        out.sort(Comparator.comparingDouble(p -> sign * p.x()));
        return out;
    }

    /** {last pass, first fail}: the first failing probe from the passing end, and the passing probe just before it. */
    private Double[] bracket(List<Probe> sorted) {
        Double lastPass = null;
        for (Probe p : fromPassingEnd(sorted)) {
            if (!p.passed()) {
                return new Double[] {lastPass, p.x()};
            }
            lastPass = p.x();
        }
        return new Double[] {lastPass, null};
    }

    private int violations(List<Probe> sorted) {
        List<Probe> ordered = fromPassingEnd(sorted);
        int count = 0;
        for (int a = 0; a < ordered.size(); a++) {
            for (int b = a + 1; b < ordered.size(); b++) {
                if (!ordered.get(a).passed() && ordered.get(b).passed()) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Which side of the range the crossing lies on when the ends of the range say it is outside, else null. */
    private FrontierStatus noCrossing(List<Probe> sorted) {
        List<Probe> ordered = fromPassingEnd(sorted);
        Probe passingEnd = ordered.get(0);
        Probe failingEnd = ordered.get(ordered.size() - 1);
        boolean belowFrom;
        if (passingEnd.x() == spec.snap(spec.passesBelow() ? spec.from() : spec.to()) && !passingEnd.passed()) {
            belowFrom = spec.passesBelow();
        } else if (failingEnd.x() == spec.snap(spec.passesBelow() ? spec.to() : spec.from()) && failingEnd.passed()) {
            belowFrom = !spec.passesBelow();
        } else {
            return null;
        }
        return belowFrom ? FrontierStatus.NO_CROSSING_BELOW : FrontierStatus.NO_CROSSING_ABOVE;
    }

    /** The posterior distribution function of x0 on the grid, normalised to 1 at its end. */
    private double[] posteriorCdf(List<Probe> probes) {
        double[] logLik = new double[grid.length * SLOPES];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < grid.length; i++) {
            for (int j = 0; j < SLOPES; j++) {
                double ll = 0;
                for (Probe p : probes) {
                    double pass = LAPSE + (1 - 2 * LAPSE) / (1 + StrictMath.exp(sign * slopes[j] * (p.x() - grid[i])));
                    ll += p.passes() * StrictMath.log(pass) + (p.runs() - p.passes()) * StrictMath.log(1 - pass);
                }
                logLik[i * SLOPES + j] = ll;
                max = Math.max(max, ll);
            }
        }
        double[] cdf = new double[grid.length];
        double total = 0;
        for (int i = 0; i < grid.length; i++) {
            for (int j = 0; j < SLOPES; j++) {
                total += StrictMath.exp(logLik[i * SLOPES + j] - max);
            }
            cdf[i] = total;
        }
        for (int i = 0; i < grid.length; i++) {
            cdf[i] /= total;
        }
        return cdf;
    }

    /** The smallest grid value whose distribution function reaches {@code q}. */
    private double quantile(double[] cdf, double q) {
        for (int i = 0; i < cdf.length; i++) {
            if (cdf[i] >= q) {
                return grid[i];
            }
        }
        return grid[grid.length - 1];
    }
}
