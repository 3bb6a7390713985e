package org.elisesweep.sweep;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.elisesweep.model.RandomStreams;

/**
 * How a sampled block of a sweep file places its {@code count} points in the unit cube [0, 1)^d;
 * the block then maps each coordinate onto its parameter's range. The randomness comes from the
 * block's own seed through a {@link RandomStreams} stream named after the sampler, so a block's
 * points depend only on (sampler, count, dimensions, seed).
 */
enum Sampler {
    /** Independent uniform points. */
    RANDOM("random"),
    /**
     * Latin hypercube: in every dimension, each of the {@code count} equal strata holds exactly
     * one point (a random permutation of strata per dimension, a uniform position inside each).
     */
    LATIN_HYPERCUBE("latin-hypercube"),
    /**
     * Scrambled Sobol: the first {@code count} points of commons-math3's Sobol sequence (Joe–Kuo
     * direction numbers, starting at the origin), each dimension XOR-ed with one random 52-bit
     * digital shift. The shift removes the origin and the sequence's bias toward dyadic values but
     * keeps its structure: for count = 2^m every dyadic interval of length 2^-k (k ≤ m) of each
     * dimension holds exactly count / 2^k points. Other counts lose that balance.
     */
    SOBOL("sobol");

    /** commons-math3's Sobol coordinates are multiples of 2^-52. */
    private static final double SOBOL_SCALE = 0x1p52;
    /** Dimensions for which commons-math3 ships direction numbers. */
    static final int SOBOL_MAX_DIMENSIONS = 1000;

    private final String key;

    Sampler(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    /** The sampler a sweep file names; IllegalArgumentException for any other name. */
    static Sampler parse(String key) {
        for (Sampler s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown sampler '" + key + "'");
    }

    /** "random, latin-hypercube, sobol". */
    static String allowed() {
        return Arrays.stream(values()).map(Sampler::key).collect(Collectors.joining(", "));
    }

    /** {@code count} points of [0, 1)^dims, as [point][dimension]. */
    double[][] unitCube(int count, int dims, long seed) {
        UniformRandomProvider rng = new RandomStreams(seed).stream("sweep-sampler-" + key);
        double[][] u = new double[count][dims];
        switch (this) {
            case RANDOM -> {
                for (double[] point : u) {
                    for (int d = 0; d < dims; d++) {
                        point[d] = rng.nextDouble();
                    }
                }
            }
            case LATIN_HYPERCUBE -> {
                for (int d = 0; d < dims; d++) {
                    int[] stratum = PermutationSampler.natural(count);
                    PermutationSampler.shuffle(rng, stratum);
                    for (int i = 0; i < count; i++) {
                        u[i][d] = (stratum[i] + rng.nextDouble()) / count;
                    }
                }
            }
            case SOBOL -> {
                long[] shift = new long[dims];
                for (int d = 0; d < dims; d++) {
                    shift[d] = rng.nextLong() >>> 12;
                }
                SobolSequenceGenerator sobol = new SobolSequenceGenerator(dims);
                for (double[] point : u) {
                    double[] v = sobol.nextVector();
                    for (int d = 0; d < dims; d++) {
                        point[d] = (((long) (v[d] * SOBOL_SCALE)) ^ shift[d]) / SOBOL_SCALE;
                    }
                }
            }
            default -> throw new IllegalStateException(toString());
        }
        return u;
    }

    static boolean isPowerOfTwo(int n) {
        return n > 0 && (n & (n - 1)) == 0;
    }
}
