package org.elisesweep.sweep;

/**
 * The {@code frontier} section of a sweep file: which parameter to search, over which range, for
 * the value where a criterion on {@code runs} stops holding, how precisely and at what cost
 * (README "Robustness frontiers").
 *
 * @param path           the searched simulation parameter, e.g. {@code noise.membrane.dendrite-sigma}
 * @param from           the lower end of the searched range
 * @param to             the upper end (greater than {@code from})
 * @param passesBelow    true: the criterion holds below the frontier and fails above it (noise,
 *                       deletion); false: the other way round
 * @param criterion      a Spark SQL comparison over {@code runs} columns, e.g. {@code replay_mean_sumcorr_per_neuron >= 0.8}
 * @param precision      the width the uncertainty interval of x* must reach: absolute, or relative to |x*|
 * @param relative       whether {@code precision} is relative
 * @param replicates     simulations per probe
 * @param probes         probes per configuration in each round after the first (which has two more: the ends)
 * @param maxRounds      rounds at most
 * @param maxSimulations simulations at most, per configuration
 * @param wholeNumbers   the parameter takes whole numbers only: probes are rounded to them
 */
public record FrontierSpec(String path, double from, double to, boolean passesBelow, String criterion,
                           double precision, boolean relative, int replicates, int probes, int maxRounds,
                           long maxSimulations, boolean wholeNumbers) {

    /** The value a probe at {@code x} runs with: {@code x}, or the nearest whole number. */
    public double snap(double x) {
        return wholeNumbers ? Math.round(x) : x;
    }

    /** Simulations of a configuration's first round: the two ends and {@link #probes} values between. */
    public long firstRoundSimulations() {
        return (long) (probes + 2) * replicates;
    }

    /** The interval width that counts as converged at the estimate {@code xStar}. */
    public double tolerance(double xStar) {
        return relative ? precision * Math.abs(xStar) : precision;
    }
}
