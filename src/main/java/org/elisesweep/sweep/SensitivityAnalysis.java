package org.elisesweep.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.rng.UniformRandomProvider;
import org.elisesweep.model.RandomStreams;

/**
 * Sensitivity indices of one output from the results of a {@link SensitivityDesign}, keyed by role:
 * a pure function, so the same results give the same indices to the last bit whatever order they
 * were read in (every sum runs over rows in row-index order).
 *
 * <p>Sobol (Saltelli et al. 2010, Jansen 1999), with f_A, f_B, f_ABi the outputs of row j of A, B,
 * A_B^i and V the variance of f_A and f_B together: S1_i = mean(f_B·(f_ABi − f_A)) / V and
 * ST_i = mean((f_A − f_ABi)²) / 2 / V. f_B enters S1 centred on the mean of f_A and f_B: the same
 * index in expectation (f_ABi − f_A has mean 0), but an output far from 0 (e.g. an MSE) no longer
 * inflates the estimator's variance. Morris (Campolongo et al. 2007): the elementary effect of
 * the parameter moved at a step is (f(step) − f(step − 1)) / Δ on the unit scale; μ* = mean |EE|,
 * σ = standard deviation of EE (n − 1).
 *
 * <p>Intervals: percentile bootstrap over whole Saltelli rows or Morris trajectories, with
 * {@code bootstrap} resamples at level {@code confidence}, drawn from a stream seeded by the
 * section's seed and the output's name (deterministic).
 *
 * <p>Failures: a point's value is the mean over its replicates; a replicate without a finite
 * value (a failed run, a metric it did not reach, a run not computed yet) is replaced by the
 * section's substitute, or, without one, makes the whole Saltelli row or Morris trajectory drop
 * out, which a warning says with the count: the indices are then conditional on success. With
 * fewer usable rows than the method's minimum n, no index is given.
 */
public final class SensitivityAnalysis {
    /**
     * The indices of one parameter; NaN where the method does not give one (μ*, σ for sobol; S1, ST
     * for morris) or where the output does not vary.
     */
    public record Index(String parameter, double s1, double s1Low, double s1High, double st, double stLow,
                        double stHigh, double muStar, double muStarLow, double muStarHigh, double sigma) {
    }

    /**
     * The analysis of one output.
     *
     * @param n           the design's N (sobol) or r (morris)
     * @param rowsUsed    Saltelli rows or Morris trajectories that entered the estimates
     * @param rowsDropped those left out because a point had no value (0 with a substitute)
     * @param substituted replicate values replaced by the substitute
     * @param sumS1       ΣS1 (sobol; NaN for morris)
     * @param warnings    too wide intervals (with the n needed), dropped rows, negative estimates
     */
    public record Result(String output, SensitivitySpec.Method method, int n, int rowsUsed, int rowsDropped,
                         int substituted, List<Index> indices, double sumS1, List<String> warnings) {
        public Result {
            indices = List.copyOf(indices);
            warnings = List.copyOf(warnings);
        }

        /** 1 − ΣS1: the share of the variance due to interactions (sobol). */
        public double interactions() {
            return 1 - sumS1;
        }
    }

    private final SensitivityDesign design;
    private final SensitivitySpec spec;

    public SensitivityAnalysis(SensitivityDesign design) {
        this.design = design;
        this.spec = design.spec();
    }

    /**
     * The indices of {@code output}.
     *
     * @param replicates per role, the output of each replicate (NaN or null for none); roles absent count as failed
     */
    public Result analyse(String output, Map<SensitivityRole, double[]> replicates) {
        Values values = new Values(replicates);
        return spec.method() == SensitivitySpec.Method.SOBOL ? sobol(output, values) : morris(output, values);
    }

    /** The value of each role after the failure policy; NaN for a point that has none. */
    private final class Values {
        private final Map<SensitivityRole, double[]> replicates;
        int substituted;

        Values(Map<SensitivityRole, double[]> replicates) {
            this.replicates = replicates;
        }

        double of(SensitivityRole role) {
            double[] r = replicates.get(role);
            if (r == null || r.length == 0) {
                r = new double[] {Double.NaN};
            }
            double sum = 0;
            for (double x : r) {
                if (!Double.isFinite(x)) {
                    if (spec.substitute() == null) {
                        return Double.NaN;
                    }
                    substituted++;
                    x = spec.substitute();
                }
                sum += x;
            }
            return sum / r.length;
        }
    }

    private Result sobol(String output, Values values) {
        int d = spec.dimensions();
        List<double[]> rows = new ArrayList<>();   // per used row: f_A, f_B, f_AB0..f_AB(D-1)
        for (int j = 0; j < spec.n(); j++) {
            double[] row = new double[d + 2];
            row[0] = values.of(SensitivityRole.a(j));
            row[1] = values.of(SensitivityRole.b(j));
            for (int i = 0; i < d; i++) {
                row[i + 2] = values.of(SensitivityRole.ab(i, j));
            }
            if (Arrays.stream(row).allMatch(Double::isFinite)) {
                rows.add(row);
            }
        }
        int succeeded = rows.size();
        double[][] used = enough(rows);
        double[][] estimate = saltelli(used, identity(used.length));
        double[][][] resampled = bootstrap(output, used, this::saltelli);
        List<Index> indices = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < d; i++) {
            double[] s1 = interval(resampled, 0, i);
            double[] st = interval(resampled, 1, i);
            indices.add(new Index(spec.factors().get(i).path(), estimate[0][i], s1[0], s1[1], estimate[1][i], st[0],
                    st[1], Double.NaN, Double.NaN, Double.NaN, Double.NaN));
            sum += estimate[0][i];
        }
        return result(output, succeeded, values, indices, sum);
    }

    /** [0][i] S1_i and [1][i] ST_i over the rows {@code pick} of {@code rows} (NaN when the output does not vary). */
    private double[][] saltelli(double[][] rows, int[] pick) {
        int d = spec.dimensions();
        int m = pick.length;
        double mean = 0;
        for (int k : pick) {
            mean += rows[k][0] + rows[k][1];
        }
        mean /= 2.0 * m;
        double variance = 0;
        for (int k : pick) {
            variance += (rows[k][0] - mean) * (rows[k][0] - mean) + (rows[k][1] - mean) * (rows[k][1] - mean);
        }
        variance /= 2.0 * m;
        double[][] out = new double[2][d];
        for (int i = 0; i < d; i++) {
            double first = 0;
            double total = 0;
            for (int k : pick) {
                double[] r = rows[k];
                first += (r[1] - mean) * (r[i + 2] - r[0]);
                total += (r[0] - r[i + 2]) * (r[0] - r[i + 2]);
            }
            out[0][i] = variance > 0 ? first / m / variance : Double.NaN;
            out[1][i] = variance > 0 ? total / m / 2 / variance : Double.NaN;
        }
        return out;
    }

    private Result morris(String output, Values values) {
        int d = spec.dimensions();
        List<double[]> trajectories = new ArrayList<>();   // per used trajectory: EE of each parameter
        for (int t = 0; t < spec.n(); t++) {
            double[] f = new double[d + 1];
            for (int s = 0; s <= d; s++) {
                f[s] = values.of(SensitivityRole.step(t, s));
            }
            if (Arrays.stream(f).allMatch(Double::isFinite)) {
                double[] ee = new double[d];
                for (int s = 1; s <= d; s++) {
                    ee[design.movedAt(t, s)] = (f[s] - f[s - 1]) / design.delta();
                }
                trajectories.add(ee);
            }
        }
        int succeeded = trajectories.size();
        double[][] used = enough(trajectories);
        double[][] estimate = elementaryEffects(used, identity(used.length));
        double[][][] resampled = bootstrap(output, used, this::elementaryEffects);
        List<Index> indices = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            double[] mu = interval(resampled, 0, i);
            indices.add(new Index(spec.factors().get(i).path(), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, estimate[0][i], mu[0], mu[1], estimate[1][i]));
        }
        return result(output, succeeded, values, indices, Double.NaN);
    }

    /** The rows to estimate from: none when fewer than the method's minimum n succeeded (no estimate is better than a wild one). */
    private double[][] enough(List<double[]> rows) {
        return rows.size() < spec.method().minimum() ? new double[0][] : rows.toArray(new double[0][]);
    }

    /** [0][i] μ*_i and [1][i] σ_i over the trajectories {@code pick}. */
    private double[][] elementaryEffects(double[][] ee, int[] pick) {
        int d = spec.dimensions();
        double[][] out = new double[2][d];
        for (int i = 0; i < d; i++) {
            double abs = 0;
            double mean = 0;
            for (int k : pick) {
                abs += Math.abs(ee[k][i]);
                mean += ee[k][i];
            }
            mean /= pick.length;
            double squares = 0;
            for (int k : pick) {
                squares += (ee[k][i] - mean) * (ee[k][i] - mean);
            }
            out[0][i] = pick.length > 0 ? abs / pick.length : Double.NaN;
            out[1][i] = pick.length > 1 ? Math.sqrt(squares / (pick.length - 1)) : Double.NaN;
        }
        return out;
    }

    private Result result(String output, int used, Values values, List<Index> indices, double sumS1) {
        int dropped = spec.n() - used;
        return new Result(output, spec.method(), spec.n(), used, dropped, values.substituted, indices, sumS1,
                warnings(spec, output, used, values.substituted, indices));
    }

    /**
     * The warnings of an analysis of {@code output}: dropped rows, substituted values, too few rows
     * or no variation, then per parameter too wide intervals (with the n needed) and negative
     * estimates. A function of the counts and indices alone, so that a reader of the
     * {@code sensitivity} table, which holds them, says the same sentences as the analysis did.
     *
     * @param used        Saltelli rows or Morris trajectories that entered the estimates
     * @param substituted replicate values replaced by the substitute
     */
    public static List<String> warnings(SensitivitySpec spec, String output, int used, int substituted,
                                        List<Index> indices) {
        boolean sobol = spec.method() == SensitivitySpec.Method.SOBOL;
        String what = sobol ? "Saltelli rows" : "Morris trajectories";
        int dropped = spec.n() - used;
        List<String> all = new ArrayList<>();
        if (dropped > 0) {
            all.add(output + ": " + dropped + " of " + spec.n() + " " + what + " dropped (a point failed or has no value);"
                    + " the indices are conditional on the " + used + " that succeeded");
        }
        if (substituted > 0) {
            all.add(output + ": " + substituted + " failed or missing values replaced by the substitute "
                    + spec.substitute());
        }
        if (used < spec.method().minimum()) {
            all.add(output + ": only " + used + " " + what + " succeeded, fewer than the " + spec.method().minimum()
                    + " an estimate needs; no index is given");
        } else if (used > 0 && indices.stream().allMatch(x -> Double.isNaN(x.s1()) && Double.isNaN(x.muStar()))) {
            all.add(output + ": the output does not vary over the " + used + " " + what + "; no index is defined");
        } else if (used > 0 && indices.stream().allMatch(x -> x.muStar() == 0.0)) {
            all.add(output + ": the output does not vary along any trajectory; every μ* is 0");
        }
        double largest = indices.stream().mapToDouble(Index::muStar).filter(Double::isFinite).max().orElse(0);
        for (Index x : indices) {
            String path = x.parameter();
            if (sobol) {
                warnWide(all, spec, output, "S1 of " + path, x.s1Low(), x.s1High(), used);
                warnWide(all, spec, output, "ST of " + path, x.stLow(), x.stHigh(), used);
                if (x.s1() < 0 || x.st() < 0) {
                    all.add(output + ": " + (x.s1() < 0 ? "S1" : "ST") + " of " + path + " is estimated below 0 ("
                            + fmt(Math.min(x.s1(), x.st())) + "); the index is ≥ 0, so read it as ≈ 0 within"
                            + " its interval (a larger N narrows it)");
                }
            } else if (largest > 0) {
                warnWide(all, spec, output, "μ* of " + path + " (relative to the largest μ*, " + fmt(largest) + ")",
                        x.muStarLow() / largest, x.muStarHigh() / largest, used);
            }
        }
        return all;
    }

    /**
     * Warns when the interval [low, high] is wider than the section's max-width, with the n that
     * would narrow it to that (width ∝ 1/√n), rounded up to a power of two.
     */
    private static void warnWide(List<String> warnings, SensitivitySpec spec, String output, String what, double low,
                                 double high, int used) {
        double width = high - low;
        double limit = spec.maxWidth();
        if (!(width > limit) || used == 0) {
            return;
        }
        long needed = (long) Math.ceil(used * (width / limit) * (width / limit));
        needed = Long.highestOneBit(needed) == needed ? needed : Long.highestOneBit(needed) * 2;
        warnings.add(output + ": the " + pct(spec) + " interval of " + what + " is " + fmt(width) + " wide (more than "
                + "max-width " + limit + "); about n = " + needed + " would be needed");
    }

    /** The bootstrap percentile interval of estimate [which][i]; NaN when there are no rows. */
    private double[] interval(double[][][] resampled, int which, int i) {
        double[] x = Arrays.stream(resampled).mapToDouble(r -> r[which][i]).filter(Double::isFinite).toArray();
        if (x.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double tail = (1 - spec.confidence()) / 2 * 100;
        Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        p.setData(x);
        return new double[] {p.evaluate(tail), p.evaluate(100 - tail)};
    }

    /** Estimates over a subset of rows, given as row numbers (with repeats when resampled). */
    private interface Estimator {
        double[][] of(double[][] rows, int[] pick);
    }

    /** The estimates of {@code spec.bootstrap()} resamples of whole rows (none without rows). */
    private double[][][] bootstrap(String output, double[][] rows, Estimator estimator) {
        if (rows.length == 0) {
            return new double[0][][];
        }
        UniformRandomProvider rng = new RandomStreams(spec.seed()).stream("sensitivity-bootstrap-" + output);
        double[][][] out = new double[spec.bootstrap()][][];
        for (int b = 0; b < out.length; b++) {
            out[b] = estimator.of(rows, resample(rng, rows.length));
        }
        return out;
    }

    private static int[] resample(UniformRandomProvider rng, int m) {
        int[] pick = new int[m];
        for (int k = 0; k < m; k++) {
            pick[k] = rng.nextInt(m);
        }
        return pick;
    }

    private static int[] identity(int m) {
        int[] pick = new int[m];
        Arrays.setAll(pick, k -> k);
        return pick;
    }

    private static String pct(SensitivitySpec spec) {
        return (Math.round(spec.confidence() * 1000) / 10.0) + "%";
    }

    private static String fmt(double x) {
        return String.format(Locale.ROOT, "%.3g", x);
    }
}
