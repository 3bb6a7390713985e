package org.elisesweep.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.commons.rng.RandomProviderState;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;

/**
 * Independent, named random streams derived from one 64-bit seed (docs/model.md §9).
 *
 * <p>Stream "name" is a xoshiro256++ generator whose 256-bit state is expanded by SplitMix64
 * from seed XOR FNV-1a-64(name). Both algorithms are fixed and written in plain Java, so a
 * stream's numbers depend only on the seed and the name: adding a noise stream, or changing
 * how many numbers another stream draws, never shifts the scaffold, delays or weights.
 */
public final class RandomStreams {
    /** Stream names used by the model; one per independent source of randomness. */
    public static final String DENDRITIC_DELAYS = "dendritic-delays";
    public static final String SCAFFOLD_DELAYS = "scaffold-delays";
    public static final String SCAFFOLD = "scaffold";
    public static final String INITIAL_WEIGHTS = "initial-weights";
    public static final String SPARSE_MASK = "sparse-mask";
    /** Somatic membrane noise η_i (docs/model.md §8). */
    public static final String MEMBRANE_NOISE = "membrane-noise";
    /** Dendritic membrane noise η^d_i, separate so that switching it never changes the somatic noise. */
    public static final String DENDRITE_NOISE = "dendrite-noise";
    /** Teacher noise ζ_i. */
    public static final String TEACHER_NOISE = "teacher-noise";
    /** Teacher timing jitter δ_k. */
    public static final String TEACHER_JITTER = "teacher-jitter";
    /** Weight noise after training. */
    public static final String WEIGHT_NOISE = "weight-noise";
    /** Which synapses are deleted after training. */
    public static final String SYNAPSE_DELETION = "synapse-deletion";
    /** Which neurons a clamp with a fraction below 1 holds (latent disturbances). */
    public static final String CLAMP_SELECTION = "clamp-selection";
    /**
     * A generated pattern's own stream (docs/model.md §5), drawn from {@code new RandomStreams(pattern.seed)}:
     * never from the simulation's seed, so the pattern depends on its recipe alone.
     */
    public static final String PATTERN = "pattern";

    private final long seed;

    public RandomStreams(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** A fresh generator for the named stream; the same name always starts the same sequence. */
    public UniformRandomProvider stream(String name) {
        SplitMix64 expander = new SplitMix64(seed ^ fnv1a64(name));
        long[] state = new long[4];
        for (int k = 0; k < state.length; k++) {
            state[k] = expander.nextLong();
        }
        return new XoShiRo256PlusPlus(state);
    }

    /**
     * An independent generator that continues exactly where {@code rng}, a generator of
     * {@link #stream}, stands: both then produce the same numbers, and drawing from one never
     * moves the other. Used to copy a network's noise state.
     */
    static UniformRandomProvider copyOf(UniformRandomProvider rng) {
        return fromStateBytes(stateBytes(rng));
    }

    /** Whether two generators of {@link #stream} stand at the same point of the same sequence. */
    static boolean sameState(UniformRandomProvider a, UniformRandomProvider b) {
        return Arrays.equals(stateBytes(a), stateBytes(b));
    }

    /** A generator of {@link #stream} standing where the one whose {@link #stateBytes} these are stood. */
    static UniformRandomProvider fromStateBytes(byte[] state) {
        XoShiRo256PlusPlus rng = new XoShiRo256PlusPlus(1, 2, 3, 4);
        rng.restoreState(new RandomProviderDefaultState(state));
        return rng;
    }

    /** The position of a generator of {@link #stream}, as bytes ({@link #fromStateBytes} restores it). */
    static byte[] stateBytes(UniformRandomProvider rng) {
        RandomProviderState st = ((RestorableUniformRandomProvider) rng).saveState();
        return ((RandomProviderDefaultState) st).getState();
    }

    /** FNV-1a, 64-bit, over the UTF-8 bytes of s. */
    static long fnv1a64(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
