package org.elisesweep.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The Markov order of a cyclic pattern (docs/model.md §5): the smallest m such that the last m
 * steps always determine the next, i.e. any two steps i, j whose m preceding columns (taken
 * cyclically) are equal have equal columns. 0 for a constant pattern; never more than K − 1 (two
 * positions with equal K − 1 preceding columns have equal columns too, since the remaining column
 * of the cycle is then forced). Für Elise has order 4 (after 0 1 0 comes 1 once and 4 once).
 * Stateless.
 */
public final class MarkovOrder {
    private MarkovOrder() {
    }

    /**
     * The Markov order of {@code pattern}. Refines classes of equal windows one step further back at a
     * time (window of length m before step i = window of length m − 1 before i plus the column at
     * i − m), O(K) per order, O(K²) in all.
     */
    public static int of(Pattern pattern) {
        int k = pattern.steps();
        int[] column = columnIds(pattern);
        int[] window = new int[k];     // class of the m columns before each step; m = 0: all equal
        for (int m = 0; m < k - 1; m++) {
            if (determined(window, column)) {
                return m;
            }
            Map<Long, Integer> classes = new HashMap<>();
            int[] longer = new int[k];
            for (int i = 0; i < k; i++) {
                long pair = ((long) window[i] << 32) | column[Math.floorMod(i - m - 1, k)];
                longer[i] = classes.computeIfAbsent(pair, x -> classes.size());
            }
            window = longer;
        }
        return k - 1;
    }

    /** Whether steps with the same window class always have the same column. */
    private static boolean determined(int[] window, int[] column) {
        int[] next = new int[window.length];
        Arrays.fill(next, -1);
        for (int i = 0; i < window.length; i++) {
            int w = window[i];
            if (next[w] < 0) {
                next[w] = column[i];
            } else if (next[w] != column[i]) {
                return false;
            }
        }
        return true;
    }

    /** Each step's column as a small integer, equal for equal columns. */
    static int[] columnIds(Pattern pattern) {
        Map<String, Integer> ids = new HashMap<>();
        int[] out = new int[pattern.steps()];
        for (int s = 0; s < out.length; s++) {
            out[s] = ids.computeIfAbsent(PatternColumns.key(pattern.column(s)), x -> ids.size());
        }
        return out;
    }
}
