package org.elisesweep.model;

/**
 * The protocol of one simulation (docs/model.md §6).
 *
 * @param trainingCycles   TC, training cycles numbered 0…TC−1 (one extra nudged cycle precedes them)
 * @param validationPeriod PF: cycles 0, PF, 2·PF, … of training are free-run validation cycles
 * @param replayCycles     RC, replay cycles after training
 * @param realignCycles    nudged cycles at the start of replay (the paper: 3)
 * @param stepMs           duration of one pattern step (ms); a whole number of Euler steps
 */
public record ProtocolParams(int trainingCycles, int validationPeriod, int replayCycles, int realignCycles,
                             double stepMs) {

    public ProtocolParams {
        Checks c = new Checks("");
        c.atLeast("training.cycles", trainingCycles, 1)
                .atLeast("training.validation-period", validationPeriod, 1)
                .atLeast("replay.realign-cycles", realignCycles, 0)
                .atLeast("replay.cycles", replayCycles, realignCycles + 2)
                .positive("pattern.step-ms", stepMs);
        c.throwIfAny();
    }

    /** The paper's protocol: 10 000 training cycles, validation every 20, 100 replay cycles, 3 realigning. */
    public static ProtocolParams defaults() {
        return new ProtocolParams(10_000, 20, 100, 3, 10.0);
    }

    /** Whether training cycle c (0-based, after the extra nudged cycle) is a free validation cycle. */
    public boolean isValidationCycle(int c) {
        return c % validationPeriod == 0;
    }

    /** First replay cycle scored by the shift-invariant replay metric (the first free one). */
    public int firstScoredReplayCycle() {
        return realignCycles;
    }

    /** Last replay cycle scored (its shifted windows reach into the following, last cycle). */
    public int lastScoredReplayCycle() {
        return replayCycles - 2;
    }
}
