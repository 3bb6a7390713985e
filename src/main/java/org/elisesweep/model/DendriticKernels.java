package org.elisesweep.model;

/**
 * The inner loops over one presynaptic row of W (row j holds W_ij for every postsynaptic i).
 * Each is a straight loop over i with no reduction and the same index into every array, so
 * the JIT vectorises it without changing any result: every s_i still sums over j in ascending
 * order, whatever the machine's vector width (ELISE-MODEL.md §9).
 */
final class DendriticKernels {
    private DendriticKernels() {
    }

    /**
     * For i in [from, to): W_ij += c_i·r̄_j, then s_i += W_ij·x_j (x_j the delayed rate).
     * Mutates {@code row} and {@code s}. Use for all-to-all rows (the caller skips the diagonal).
     */
    static void updateAndAccumulate(double[] row, double[] c, double traceJ, double x, double[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            double wi = row[i] + c[i] * traceJ;
            row[i] = wi;
            s[i] += wi * x;
        }
    }

    /**
     * As {@link #updateAndAccumulate} but only where {@code mask[i]} is 1 (sparse connectivity):
     * absent synapses stay exactly 0. One more load and multiply per synapse; use only when
     * some synapses are absent.
     */
    static void maskedUpdateAndAccumulate(double[] row, double[] mask, double[] c, double traceJ, double x,
                                          double[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            double wi = row[i] + (c[i] * traceJ) * mask[i];
            row[i] = wi;
            s[i] += wi * x;
        }
    }

    /** For i in [from, to): s_i += W_ij·x_j (synapses that do not learn). Mutates {@code s}. */
    static void accumulate(double[] row, double x, double[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            s[i] += row[i] * x;
        }
    }
}
