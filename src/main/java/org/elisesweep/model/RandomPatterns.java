package org.elisesweep.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The {@code random} generator: N_vis × K patterns whose steps have a uniform count of active
 * neurons in [active-min, active-max], with Markov order exactly m ({@link MarkovOrder}).
 *
 * <p>Construction: an aperiodic cyclic pattern has order ≤ m exactly when its K windows of m
 * consecutive steps are all distinct, and order ≥ m when some window of m − 1 steps occurs twice
 * followed by different steps. So one window of m − 1 steps is planted twice (steps 0…m−2 copied to
 * d…d+m−2, d uniform in [1, K − m], and step d+m−1 differs from step m−1), and every other step is
 * drawn (its count first, then its neurons, redrawn up to 20 times, then the count) until the window
 * of m steps it ends is new and the steps still to draw can turn on every neuron not yet on.
 * The result is rotated by a uniform offset and its order measured; an
 * attempt that does not give exactly m (the cyclic wrap can repeat a window), or leaves some neuron
 * always on or always off ({@link Pattern#everyNeuronVaries}), is drawn again, at most
 * {@link #ATTEMPTS} times. Stateless.
 */
final class RandomPatterns {
    /** Whole patterns drawn before giving up. */
    static final int ATTEMPTS = 200;
    private static final int DRAWS = 20;

    private RandomPatterns() {
    }

    /** Why the recipe's random pattern cannot exist (active range and order < K already checked). */
    static List<Violation> violations(PatternRecipe r) {
        List<Violation> found = new ArrayList<>();
        if (Math.pow(r.distinctColumns(), r.markovOrder()) < r.steps()) {
            found.add(new Violation("pattern.steps", r.steps() + " steps of Markov order " + r.markovOrder()
                    + " need " + r.steps() + " distinct windows of " + r.markovOrder() + " steps, but "
                    + r.neurons() + " neurons with " + r.activeMin() + "–" + r.activeMax()
                    + " active allow only " + (long) Math.pow(r.distinctColumns(), r.markovOrder())
                    + "; use fewer steps, a higher order, more neurons or a wider active range"));
        }
        return found;
    }

    /** The recipe's pattern; see the class comment. Mutates {@code rng}. */
    static Pattern generate(PatternRecipe r, UniformRandomProvider rng) {
        int k = r.steps();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            boolean[][] columns = attempt(r, rng);
            if (columns == null) {
                continue;
            }
            int shift = rng.nextInt(k);
            boolean[][] rotated = new boolean[k][];
            for (int s = 0; s < k; s++) {
                rotated[s] = columns[(s + shift) % k];
            }
            Pattern p = Pattern.ofColumns(r.patternName(), rotated);
            if (p.everyNeuronVaries() && MarkovOrder.of(p) == r.markovOrder()) {
                return p;
            }
        }
        throw new InvalidParametersException(List.of(new Violation("pattern.markov-order", "no pattern of "
                + k + " steps with Markov order exactly " + r.markovOrder() + " found in " + ATTEMPTS
                + " attempts with " + r.neurons() + " neurons and " + r.activeMin() + "–" + r.activeMax()
                + " active (every neuron on in some step and off in another); allow more distinct steps (more"
                + " neurons, a wider active range) or a higher order")));
    }

    /** One construction, or null when a step found no new window. */
    private static boolean[][] attempt(PatternRecipe r, UniformRandomProvider rng) {
        int k = r.steps();
        int m = r.markovOrder();
        int d = 1 + rng.nextInt(k - m);
        Construction c = new Construction(k, r.neurons());
        int free = k - (m - 1);
        for (int t = 0; t < k; t++) {
            if (t >= d && t <= d + m - 2) {
                c.columns[t] = c.columns[t - d];
                c.id[t] = c.id[t - d];
            } else {
                free--;
                if (!drawStep(r, t, d, free, c, rng)) {
                    return null;
                }
            }
            if (t >= m - 1) {
                c.windows.add(window(c.id, t, m));
            }
        }
        return c.columns;
    }

    /** The steps drawn so far, their column ids, the windows of m steps they end, and the neurons turned on. */
    private static final class Construction {
        final boolean[][] columns;
        final int[] id;
        final Map<String, Integer> ids = new HashMap<>();
        final Set<String> windows = new HashSet<>();
        final boolean[] covered;
        int uncovered;

        Construction(int k, int neurons) {
            columns = new boolean[k][];
            id = new int[k];
            covered = new boolean[neurons];
            uncovered = neurons;
        }
    }

    /**
     * Draws step t until it differs where it must, ends a new window, and leaves no more neurons
     * never on than the {@code freeAfter} steps still to draw can turn on; false if it found none.
     */
    private static boolean drawStep(PatternRecipe r, int t, int d, int freeAfter, Construction c,
                                    UniformRandomProvider rng) {
        int m = r.markovOrder();
        for (int round = 0; round < DRAWS; round++) {
            int active = PatternColumns.count(r.activeMin(), r.activeMax(), rng);
            for (int draw = 0; draw < DRAWS; draw++) {
                boolean[] col = PatternColumns.column(r.neurons(), active, rng);
                c.columns[t] = col;
                c.id[t] = c.ids.computeIfAbsent(PatternColumns.key(col), x -> c.ids.size());
                int newlyOn = 0;
                for (int i = 0; i < col.length; i++) {
                    newlyOn += col[i] && !c.covered[i] ? 1 : 0;
                }
                boolean differs = t != d + m - 1 || c.id[t] != c.id[m - 1];
                boolean coverable = c.uncovered - newlyOn <= (long) freeAfter * r.activeMax();
                if (differs && coverable && (t < m - 1 || !c.windows.contains(window(c.id, t, m)))) {
                    for (int i = 0; i < col.length; i++) {
                        c.covered[i] |= col[i];
                    }
                    c.uncovered -= newlyOn;
                    return true;
                }
            }
        }
        return false;
    }

    /** The ids of the m steps ending at t, as a key. */
    private static String window(int[] id, int t, int m) {
        StringBuilder sb = new StringBuilder();
        for (int s = t - m + 1; s <= t; s++) {
            sb.append(id[s]).append(',');
        }
        return sb.toString();
    }
}
