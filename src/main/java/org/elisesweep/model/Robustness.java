package org.elisesweep.model;

/**
 * How one disturbance changed replay (docs/model.md §7, extension). "Before" is the undisturbed
 * scenario's score of the cycle preceding the clamp (identical history, and no window of it
 * reaches into the disturbed cycle); "during" the clamped cycle; "after" the mean over the
 * scored cycles after it.
 *
 * @param recoveryCycles cycles from the clamped cycle to the first cycle from which Σcorr stays
 *                       ≥ 95 % of before for 3 cycles (1 = recovered in the first cycle after), or -1
 * @param phaseJumpMs    s* of the last scored cycle minus the undisturbed scenario's s* of that
 *                       cycle, wrapped into (−T/2, T/2]: the lasting phase change, net of common drift
 */
public record Robustness(double sumCorrBefore, double mseBefore, double sumCorrDuring, double mseDuring,
                         double sumCorrAfter, double mseAfter, int recoveryCycles, double phaseJumpMs) {

    /** Fraction of the pre-disturbance Σcorr that counts as recovered. */
    public static final double RECOVERED_FRACTION = 0.95;
    /** Cycles Σcorr must stay recovered. */
    public static final int RECOVERED_FOR = 3;

    public boolean recovered() {
        return recoveryCycles >= 0;
    }

    static Robustness of(ReplayScores undisturbed, ReplayScores disturbed, int clampCycle) {
        int before = undisturbed.indexOf(clampCycle - 1);
        int during = disturbed.indexOf(clampCycle);
        int n = disturbed.cycles();
        double corrAfter = 0;
        double mseAfter = 0;
        for (int k = during + 1; k < n; k++) {
            corrAfter += disturbed.sumCorr()[k];
            mseAfter += disturbed.mse()[k];
        }
        int afterCount = Math.max(1, n - during - 1);
        double pre = undisturbed.sumCorr()[before];
        int recovery = -1;
        for (int k = during + 1; k + RECOVERED_FOR <= n && recovery < 0; k++) {
            boolean stays = true;
            for (int d = 0; d < RECOVERED_FOR; d++) {
                stays &= disturbed.sumCorr()[k + d] >= RECOVERED_FRACTION * pre;
            }
            if (stays) {
                recovery = k - during;
            }
        }
        double jump = ReplayScores.wrap(disturbed.bestShiftMs()[n - 1] - undisturbed.bestShiftMs()[n - 1],
                disturbed.cycleMs());
        return new Robustness(pre, undisturbed.mse()[before], disturbed.sumCorr()[during], disturbed.mse()[during],
                corrAfter / afterCount, mseAfter / afterCount, recovery, jump);
    }
}
