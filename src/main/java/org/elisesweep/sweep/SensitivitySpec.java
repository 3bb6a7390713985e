package org.elisesweep.sweep;

import java.util.List;
import java.util.Objects;

/**
 * The {@code sensitivity} section of a sweep file, validated ({@link SensitivityReader}); the
 * format is in docs/sensitivity.md.
 *
 * @param method     Sobol indices from a Saltelli design, or Morris elementary effects
 * @param factors    the parameters analysed, in file order (index i of {@link SensitivityRole})
 * @param n          sobol: the base sample size N (N·(D+2) points); morris: the trajectories r (r·(D+1) points)
 * @param levels     morris: the number of grid levels p (even); sobol: 0
 * @param seed       seeds the design (the Sobol digital shift, the Morris trajectories) and the bootstrap
 * @param outputs    the numeric {@code runs} columns to analyse
 * @param substitute the value that replaces a failed or missing result, or null to drop the affected
 *                   Saltelli rows or Morris trajectories
 * @param bootstrap  bootstrap resamples per interval
 * @param confidence the level of the intervals, e.g. 0.95
 * @param maxWidth   an interval wider than this (Morris: relative to the largest μ*) gets a warning
 * @param section    the section as concise JSON: what an analysis of the stored results re-reads
 */
public record SensitivitySpec(Method method, List<Factor> factors, int n, int levels, long seed, List<String> outputs,
                              Double substitute, int bootstrap, double confidence, double maxWidth, String section) {
    /** The numeric result columns of the {@code runs} table that an analysis may use. */
    public static final List<String> OUTPUTS = List.of("learned_at_cycle", "final_mse", "final_sumcorr",
            "final_sumcorr_per_neuron", "replay_mean_sumcorr", "replay_mean_sumcorr_per_neuron", "replay_min_sumcorr",
            "replay_min_sumcorr_per_neuron", "replay_final_sumcorr", "replay_final_sumcorr_per_neuron", "replay_mean_mse", "replay_drift_ms_per_cycle", "spectral_radius");

    /** The analysis a sensitivity section asks for. */
    public enum Method {
        SOBOL("sobol", 8), MORRIS("morris", 2);

        private final String key;
        private final int minimum;

        Method(String key, int minimum) {
            this.key = key;
            this.minimum = minimum;
        }

        public String key() {
            return key;
        }

        /** The smallest n: sobol N ≥ 8 (the bootstrap needs rows to resample), morris r ≥ 2 (σ needs two effects). */
        int minimum() {
            return minimum;
        }

        static Method parse(String key) {
            for (Method m : values()) {
                if (m.key.equals(key)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown method '" + key + "'");
        }
    }

    /**
     * One analysed parameter: a range, uniform or log-uniform, of a numeric simulation parameter.
     *
     * @param integer whether the parameter is a whole number (values are then rounded)
     */
    public record Factor(String path, double from, double to, boolean log, boolean integer) {
        /** The parameter's value at fraction u ∈ [0, 1] of its range, rounded when it is an integer. */
        public double at(double u) {
            double x = new ValueRange(from, to, 2, log).at(u);
            return integer ? Math.rint(x) : x;
        }
    }

    public SensitivitySpec {
        Objects.requireNonNull(method, "method");
        factors = List.copyOf(factors);
        outputs = List.copyOf(outputs);
        Objects.requireNonNull(section, "section");
    }

    /**
     * A section stored as {@link #section()}, read again (by an analysis of stored results).
     *
     * @param source names the section in messages
     * @throws ConfigProblems when it is not a valid section (e.g. written by another version)
     */
    public static SensitivitySpec parse(String section, String source) {
        return SensitivityReader.parse(section, source);
    }

    /** D, the number of analysed parameters. */
    public int dimensions() {
        return factors.size();
    }

    /** The number of points of the design: N·(D+2) for sobol, r·(D+1) for morris. */
    public long points() {
        return (long) n * (method == Method.SOBOL ? dimensions() + 2 : dimensions() + 1);
    }
}
