package org.elisesweep.model;

import org.apache.commons.rng.UniformRandomProvider;

/** Drawing one pattern step (a column of N_vis booleans) for the generators. Stateless. */
final class PatternColumns {
    private PatternColumns() {
    }

    /** A count of active neurons, uniform in [min, max]. Mutates {@code rng}. */
    static int count(int min, int max, UniformRandomProvider rng) {
        return min + rng.nextInt(max - min + 1);
    }

    /** A column of {@code n} neurons with {@code active} of them on, chosen uniformly (partial Fisher–Yates). Mutates {@code rng}. */
    static boolean[] column(int n, int active, UniformRandomProvider rng) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        boolean[] c = new boolean[n];
        for (int k = 0; k < active; k++) {
            int j = k + rng.nextInt(n - k);
            int t = order[k];
            order[k] = order[j];
            order[j] = t;
            c[order[k]] = true;
        }
        return c;
    }

    /** A column as text, "0110…", for use as a key. */
    static String key(boolean[] column) {
        char[] s = new char[column.length];
        for (int i = 0; i < column.length; i++) {
            s[i] = column[i] ? '1' : '0';
        }
        return new String(s);
    }
}
