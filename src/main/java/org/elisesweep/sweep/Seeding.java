package org.elisesweep.sweep;

/**
 * How replicate seeds are chosen. COMMON: replicate k of every point uses the same seed (common
 * random numbers, the default); PER_POINT: each point gets its own seeds.
 *
 * <p>Common random numbers make two points that differ only in, say, a learning rate share their
 * scaffold, delays and initial weights, so that their difference measures the parameter and not
 * the draw. Both schemes are pure functions of their inputs (no generator state), so a seed can be
 * recomputed anywhere, e.g. when a resumed sweep checks what it already has:
 * <ul>
 * <li>COMMON: {@code seed(k) = mix64(baseSeed + (k + 1)·γ)}, the k-th output (from 0) of a
 * SplitMix64 generator seeded with baseSeed;</li>
 * <li>PER_POINT: the same with baseSeed replaced by {@code mix64(baseSeed XOR mix64(id))}, where
 * id is the point id's 64 bits (its 16 hex digits).</li>
 * </ul>
 * Here γ = 0x9E3779B97F4A7C15 (the golden-ratio increment) and mix64 is SplitMix64's finaliser
 * (Stafford's variant 13).
 */
public enum Seeding {
    COMMON("common"),
    PER_POINT("per-point");

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final String key;

    Seeding(String key) {
        this.key = key;
    }

    /** The name used in sweep files: common or per-point. */
    public String key() {
        return key;
    }

    /** The scheme a sweep file names; throws IllegalArgumentException for any other name. */
    public static Seeding parse(String key) {
        for (Seeding s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown seeding '" + key + "'");
    }

    /**
     * The seed of replicate {@code replicate} (from 0) of the point {@code pointId} (16 hex digits,
     * as made by {@link SweepPoint#idOf}; ignored by COMMON).
     */
    public long seed(long baseSeed, String pointId, int replicate) {
        long stream = this == COMMON ? baseSeed : mix64(baseSeed ^ mix64(Long.parseUnsignedLong(pointId, 16)));
        return mix64(stream + (replicate + 1L) * GOLDEN_GAMMA);
    }

    /** SplitMix64's output function: a bijection of 64-bit values that scatters nearby inputs. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
