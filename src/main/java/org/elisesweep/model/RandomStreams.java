package org.elisesweep.model;

import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;

/**
 * Independent, named random streams derived from one 64-bit seed (ELISE-MODEL.md §9).
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
