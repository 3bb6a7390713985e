package org.elisesweep.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The {@code motif} generator, a birdsong-like task (docs/model.md §5): a few syllables (short
 * sub-patterns of {@code syllable-steps} steps, each step with a uniform count of active neurons in
 * [active-min, active-max], every syllable different from the others, every neuron on somewhere
 * and off somewhere, see {@link Pattern#everyNeuronVaries}) played in a motif such as
 * A A B C A B D, in which some syllable is followed by two different ones, so that the network must
 * remember more than the current syllable: the pattern's Markov order exceeds the syllable length.
 * A motif is given ({@code pattern.motif}) or drawn ({@code pattern.motif-length} syllables, each
 * syllable at least once, shuffled until some syllable has two different successors and the motif
 * does not repeat a shorter one). The authors' birdsong pattern is not published; this is the
 * project's own construction. Stateless.
 */
final class MotifPatterns {
    private static final int ATTEMPTS = 1000;

    private MotifPatterns() {
    }

    /** The motif's syllable letters without spaces ("A A B" → "AAB"). */
    static String letters(String motif) {
        return motif.replaceAll("\\s", "");
    }

    /** Why the recipe's motif pattern cannot exist (active range already checked against N_vis). */
    static List<Violation> violations(PatternRecipe r) {
        List<Violation> found = new ArrayList<>();
        String m = letters(r.motif());
        int length = m.isEmpty() ? r.motifLength() : m.length();
        if (r.distinctColumns() < 2) {
            found.add(new Violation("pattern.active-max", r.neurons() + " neurons with " + r.activeMin() + "–"
                    + r.activeMax() + " active allow only one kind of step; syllables could not differ"));
        }
        if ((long) length * r.syllableSteps() > PatternRecipe.MAX_STEPS) {
            found.add(new Violation(m.isEmpty() ? "pattern.motif-length" : "pattern.motif", "a motif of " + length
                    + " syllables of " + r.syllableSteps() + " steps is " + (long) length * r.syllableSteps()
                    + " steps long; at most " + PatternRecipe.MAX_STEPS + " are allowed"));
        }
        if (m.isEmpty()) {
            if (r.motifLength() < r.syllables() + 1) {
                found.add(new Violation("pattern.motif-length", "must be ≥ pattern.syllables + 1 (got " + r.motifLength()
                        + " with " + r.syllables() + " syllables): every syllable appears and one of them twice"));
            }
            return found;
        }
        char lastLetter = (char) ('A' + r.syllables() - 1);
        for (char ch : m.toCharArray()) {
            if (ch < 'A' || ch > lastLetter) {
                found.add(new Violation("pattern.motif", "'" + ch + "' is not a syllable; with pattern.syllables = "
                        + r.syllables() + " the syllables are A–" + lastLetter));
                return found;
            }
        }
        int[] motif = m.chars().map(ch -> ch - 'A').toArray();
        for (int s = 0; s < r.syllables(); s++) {
            if (m.indexOf('A' + s) < 0) {
                found.add(new Violation("pattern.motif", "syllable " + (char) ('A' + s) + " never appears; with"
                        + " pattern.syllables = " + r.syllables() + " every one of A–" + lastLetter + " must"));
                return found;
            }
        }
        if (!hasTwoSuccessors(motif)) {
            found.add(new Violation("pattern.motif", "'" + r.motif() + "': no syllable is followed by two different"
                    + " ones, so the task is no harder than its syllables; repeat one, e.g. A A B C A B D"));
        } else if (period(motif) < motif.length) {
            found.add(new Violation("pattern.motif", "'" + r.motif() + "' repeats its first " + period(motif)
                    + " syllables; give them once"));
        }
        return found;
    }

    /** The recipe's pattern; see the class comment. Mutates {@code rng}. */
    static Pattern generate(PatternRecipe r, UniformRandomProvider rng) {
        String given = letters(r.motif());
        int[] motif = given.isEmpty() ? drawMotif(r.syllables(), r.motifLength(), rng)
                : given.chars().map(ch -> ch - 'A').toArray();
        int l = r.syllableSteps();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            boolean[][][] syllables = syllables(r, rng);
            boolean[][] columns = new boolean[motif.length * l][];
            for (int k = 0; k < motif.length; k++) {
                for (int s = 0; s < l; s++) {
                    columns[k * l + s] = syllables[motif[k]][s];
                }
            }
            Pattern p = Pattern.ofColumns(r.patternName(), columns);
            if (p.everyNeuronVaries()) {
                return p;
            }
        }
        throw new InvalidParametersException(List.of(new Violation("pattern.active-max", "no syllables found in "
                + ATTEMPTS + " attempts that turn each of the " + r.neurons() + " neurons on in some step and off in"
                + " another; use more or longer syllables, or a wider active range")));
    }

    /** Distinct syllables of L columns each (redrawn while one equals an earlier one). */
    private static boolean[][][] syllables(PatternRecipe r, UniformRandomProvider rng) {
        boolean[][][] out = new boolean[r.syllables()][][];
        Set<String> seen = new HashSet<>();
        for (int s = 0; s < out.length; s++) {
            for (int attempt = 0; ; attempt++) {
                boolean[][] syl = new boolean[r.syllableSteps()][];
                StringBuilder key = new StringBuilder();
                for (int k = 0; k < syl.length; k++) {
                    syl[k] = PatternColumns.column(r.neurons(), PatternColumns.count(r.activeMin(), r.activeMax(), rng), rng);
                    key.append(PatternColumns.key(syl[k])).append('/');
                }
                if (seen.add(key.toString())) {
                    out[s] = syl;
                    break;
                }
                if (attempt == ATTEMPTS) {
                    throw new InvalidParametersException(List.of(new Violation("pattern.syllables", r.syllables()
                            + " different syllables of " + r.syllableSteps() + " steps not found in " + ATTEMPTS
                            + " draws; use longer syllables, more neurons or a wider active range")));
                }
            }
        }
        return out;
    }

    /** Each syllable once plus random extra ones, shuffled until some syllable has two successors and no period. */
    static int[] drawMotif(int syllables, int length, UniformRandomProvider rng) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int[] m = new int[length];
            for (int k = 0; k < length; k++) {
                m[k] = k < syllables ? k : rng.nextInt(syllables);
            }
            for (int k = length - 1; k > 0; k--) {
                int j = rng.nextInt(k + 1);
                int t = m[k];
                m[k] = m[j];
                m[j] = t;
            }
            if (hasTwoSuccessors(m) && period(m) == length) {
                return m;
            }
        }
        throw new IllegalStateException("no motif of " + length + " syllables drawn in " + ATTEMPTS + " attempts");
    }

    /** Whether some syllable is followed (cyclically) by two different syllables. */
    static boolean hasTwoSuccessors(int[] motif) {
        int[] next = new int[PatternRecipe.MAX_SYLLABLES];
        Arrays.fill(next, -1);
        for (int k = 0; k < motif.length; k++) {
            int after = motif[(k + 1) % motif.length];
            if (next[motif[k]] >= 0 && next[motif[k]] != after) {
                return true;
            }
            next[motif[k]] = after;
        }
        return false;
    }

    /** The smallest p dividing the length such that the motif is its first p syllables repeated. */
    static int period(int[] motif) {
        for (int p = 1; p < motif.length; p++) {
            if (motif.length % p != 0) {
                continue;
            }
            boolean repeats = true;
            for (int k = p; k < motif.length && repeats; k++) {
                repeats = motif[k] == motif[k - p];
            }
            if (repeats) {
                return p;
            }
        }
        return motif.length;
    }
}
