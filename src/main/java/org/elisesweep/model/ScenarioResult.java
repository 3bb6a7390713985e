package org.elisesweep.model;

/**
 * Replay of one scenario from the trained state.
 *
 * @param name         {@link Clamp#UNDISTURBED} or the clamp's name
 * @param clamp        the clamp, or null when undisturbed
 * @param status       OK, or DIVERGED when this replay ran away
 * @param divergedAt   replay step at which it ran away, or -1
 * @param scores       per-cycle shift-invariant scores (null if diverged)
 * @param robustness   the disturbance's effect (null when undisturbed or diverged)
 * @param lastAligned  the visible rates of the last scored cycle's best-shift window, [neuron][sample]
 *                     (null if diverged): what the network replays, aligned with the target
 */
public record ScenarioResult(String name, Clamp clamp, Status status, long divergedAt, ReplayScores scores,
                             Robustness robustness, double[][] lastAligned) {
}
