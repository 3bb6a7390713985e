package org.elisesweep.model;

/**
 * The neuron transfer function and a reproducible exponential.
 *
 * <p>docs/model.md §2: φ(u) = 1 / (1 + exp(a·(b − u))), rate in (0, 1).
 *
 * <p>Why not {@link Math#exp}: HotSpot replaces it by a platform intrinsic whose last bit may
 * differ between CPUs, and the dynamics amplify such differences over millions of steps
 * (§9). {@link StrictMath#exp} is reproducible but, on Java 17, a native call several times
 * slower. {@link #exp} is plain Java arithmetic, which Java 17 evaluates with IEEE 754
 * semantics everywhere (JEP 306), so it gives the same bits on every JVM and CPU. The three are
 * compared in {@code org.elisesweep.bench.KernelBenchmark} (expTransfer, expMath, expStrictMath).
 * {@link VectorRateKernels} evaluates the same operations lane by lane, so its φ has these bits
 * (1.8× faster for a 13 + 50 network's rates, 3.0× for a lock-step group's; RateKernelsBenchmark).
 */
public final class Transfer {
    static final int TABLE_BITS = 6;
    static final int TABLE_SIZE = 1 << TABLE_BITS;
    /** 2^(j/64) for j = 0..63, from the reproducible StrictMath.pow. */
    static final double[] TWO_POW_J_64 = new double[TABLE_SIZE];
    static final double INV_LN2_64 = TABLE_SIZE / 0.6931471805599453;
    /** ln2/64 as fdlibm's ln2_hi/ln2_lo pair over 64: HI has 32 significant bits, so k·HI is exact. */
    static final double LN2_64_HI = 0x1.62e42feep-7;
    static final double LN2_64_LO = 0x1.a39ef35793c76p-39;
    static final double SHIFTER = 0x1.8p52;
    static final long SHIFTER_BITS = Double.doubleToRawLongBits(SHIFTER);

    /** The Taylor coefficients 1/3!, 1/4!, 1/5!. */
    static final double C3 = 1.0 / 6;
    static final double C4 = 1.0 / 24;
    static final double C5 = 1.0 / 120;

    static {
        for (int j = 0; j < TABLE_SIZE; j++) {
            TWO_POW_J_64[j] = StrictMath.pow(2.0, j / (double) TABLE_SIZE);
        }
    }

    private Transfer() {
    }

    /**
     * e^x, reproducible bit for bit on every platform, within 2 ulp of the exact value.
     *
     * <p>Method: x = (64·k + j)·ln2/64 + r with |r| ≤ ln2/128, then
     * e^x = 2^k · 2^(j/64) · e^r with a degree-5 Taylor polynomial for e^r
     * (truncation error below 2^-54).
     */
    public static double exp(double x) {
        if (!(x < 709.0)) {
            return x != x ? x : Double.POSITIVE_INFINITY;
        }
        if (x < -745.0) {
            return 0.0;
        }
        // round x·64/ln2 to the nearest integer n with the 1.5·2^52 trick (no branch, no Math.rint):
        // shifted lies in [2^52, 2^53), where the ulp is 1, so shifted = SHIFTER + n exactly and its
        // bits minus SHIFTER's bits are n: the same n as (long) kd, without a double→long conversion
        double shifted = x * INV_LN2_64 + SHIFTER;
        double kd = shifted - SHIFTER;
        long n = Double.doubleToRawLongBits(shifted) - SHIFTER_BITS;
        double r = (x - kd * LN2_64_HI) - kd * LN2_64_LO;
        int j = (int) (n & (TABLE_SIZE - 1));
        long k = n >> TABLE_BITS;
        double p = r * (1.0 + r * (0.5 + r * (C3 + r * (C4 + r * C5))));
        double t = TWO_POW_J_64[j];
        double m = t + t * p;
        if (k > -1000) {
            return m * Double.longBitsToDouble((k + 1023) << 52);
        }
        // subnormal results: scale in two exact steps
        return (m * Double.longBitsToDouble((k + 1023 + 200) << 52)) * 0x1p-200;
    }

    /** φ(u) = 1 / (1 + exp(slope·(threshold − u))) of docs/model.md §2; u in mV. */
    public static double phi(double u, double slope, double threshold) {
        return 1.0 / (1.0 + exp(slope * (threshold - u)));
    }
}
