package org.elisesweep.model;

import java.util.ArrayList;
import java.util.List;

/**
 * How to generate a target pattern (docs/model.md §5, "(extension) Pattern generators"): the
 * generator and its parameters. A generated pattern depends on these fields alone: it is drawn
 * from its own random stream, seeded by {@code seed} and never by the simulation's seed, so the
 * same recipe gives the same pattern on every run and executor. Immutable; the constructor rejects
 * values out of their own ranges (each named by its path {@code pattern.…}), {@link #generate}
 * what the chosen generator cannot satisfy.
 *
 * @param generator     none (the recipe is unused), random or motif
 * @param seed          seed of the pattern's own random stream
 * @param neurons       N_vis, rows of the pattern
 * @param steps         K of a random pattern
 * @param activeMin     fewest active neurons per step (each step draws its count uniformly in [min, max])
 * @param activeMax     most active neurons per step
 * @param markovOrder   the exact Markov order m of a random pattern ({@link MarkovOrder})
 * @param syllables     number of syllables of a motif pattern (named A, B, C, …)
 * @param syllableSteps steps per syllable
 * @param motif         the motif as syllable letters ("A A B C A B D"; spaces optional), or "" to draw one
 * @param motifLength   syllables in a drawn motif
 */
public record PatternRecipe(PatternGenerator generator, long seed, int neurons, int steps, int activeMin,
                            int activeMax, int markovOrder, int syllables, int syllableSteps, String motif,
                            int motifLength) {
    /** Longest generated pattern, in steps (a 10 s cycle at the default 10 ms per step). */
    public static final int MAX_STEPS = 1000;
    /** Syllables are named by the letters A–Z. */
    public static final int MAX_SYLLABLES = 26;

    public PatternRecipe {
        Checks c = new Checks("pattern.");
        c.require(generator != null, "generator", "must be one of none, random, motif")
                .atLeast("neurons", neurons, 1)
                .atLeast("steps", steps, 2)
                .require(steps <= MAX_STEPS, "steps", "must be ≤ " + MAX_STEPS + " (got " + steps + ")")
                .atLeast("active-min", activeMin, 0)
                .atLeast("active-max", activeMax, 1)
                .atLeast("markov-order", markovOrder, 1)
                .atLeast("syllables", syllables, 2)
                .require(syllables <= MAX_SYLLABLES, "syllables", "must be ≤ " + MAX_SYLLABLES + " (got " + syllables
                        + "): syllables are named A–Z")
                .atLeast("syllable-steps", syllableSteps, 1)
                .require(motif != null, "motif", "is required (\"\" draws one)")
                .atLeast("motif-length", motifLength, 3);
        c.throwIfAny();
    }

    /**
     * The pattern of this recipe.
     *
     * @throws InvalidParametersException when the request is impossible (more active neurons than
     *         N_vis, a Markov order ≥ K, too few distinct windows for that order, a malformed or too
     *         long motif, …) or no pattern was found; each violation names its path
     * @throws IllegalStateException for generator none
     */
    public Pattern generate() {
        List<Violation> found = violations();
        if (!found.isEmpty()) {
            throw new InvalidParametersException(found);
        }
        return switch (generator) {
            case RANDOM -> RandomPatterns.generate(this, new RandomStreams(seed).stream(RandomStreams.PATTERN));
            case MOTIF -> MotifPatterns.generate(this, new RandomStreams(seed).stream(RandomStreams.PATTERN));
            case NONE -> throw new IllegalStateException("generator none generates no pattern");
        };
    }

    /** What the chosen generator cannot do with these values (nothing for generator none). */
    public List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        if (generator == PatternGenerator.NONE) {
            return found;
        }
        if (activeMax > neurons) {
            found.add(new Violation("pattern.active-max", activeMax + " active neurons per step, but pattern.neurons"
                    + " is " + neurons));
        }
        if (generator == PatternGenerator.RANDOM && markovOrder >= steps) {
            found.add(new Violation("pattern.markov-order", "must be below pattern.steps (got " + markovOrder
                    + " with " + steps + " steps): a cyclic pattern of K steps has Markov order at most K − 1"));
        }
        if (activeMin > activeMax) {
            found.add(new Violation("pattern.active-min", "must be ≤ pattern.active-max (got " + activeMin + " > "
                    + activeMax + ")"));
        }
        if (!found.isEmpty()) {
            return found;
        }
        found.addAll(generator == PatternGenerator.RANDOM ? RandomPatterns.violations(this)
                : MotifPatterns.violations(this));
        // distinct steps: a random pattern of order m repeats m − 1 of its K (RandomPatterns), a motif is its syllables
        long k = generator == PatternGenerator.RANDOM ? steps - markovOrder + 1 : (long) syllables * syllableSteps;
        if (found.isEmpty() && (k * activeMax < neurons || k * (neurons - activeMin) < neurons)) {
            found.add(new Violation("pattern.active-max", k + " distinct steps with " + activeMin + "–" + activeMax
                    + " active cannot turn each of the " + neurons + " neurons on in some step and off in another"));
        }
        return found;
    }

    /** Steps of the pattern this recipe generates (K), known without generating it. */
    public int patternSteps() {
        return switch (generator) {
            case RANDOM -> steps;
            case MOTIF -> syllableSteps * (motif.isBlank() ? motifLength : MotifPatterns.letters(motif).length());
            case NONE -> throw new IllegalStateException("generator none has no pattern");
        };
    }

    /** How many distinct columns the active range allows: Σ_{a = min…max} C(neurons, a), as a double. */
    double distinctColumns() {
        double total = 0;
        for (int a = activeMin; a <= activeMax; a++) {
            double binomial = 1;
            for (int k = 0; k < a; k++) {
                binomial = binomial * (neurons - k) / (k + 1);
            }
            total += binomial;
        }
        return total;
    }

    /** The name generated patterns carry in messages. */
    String patternName() {
        return generator.key() + " pattern (pattern.seed " + seed + ")";
    }
}
