package org.elisesweep.report;

/**
 * A per-run quality measure of the {@code runs} table as the report plots it.
 *
 * @param column    its column in {@code runs}
 * @param name      how titles name it
 * @param axisTitle the y-axis or colour-scale title, with its range
 */
record Metric(String column, String name, String axisTitle) {
    /** Σcorr of the undisturbed replay, averaged over its free cycles (docs/model.md §7); at most N_vis. */
    static Metric replaySumCorr(int nVis) {
        return new Metric("replay_mean_sumcorr", "Replay Σcorr", "replay Σcorr (max = N_vis = " + nVis + ")");
    }

    /** MSE between replayed and target rates (both in [0, 1]), averaged over the free replay cycles. */
    static Metric replayMse() {
        return new Metric("replay_mean_mse", "Replay MSE", "replay MSE (rates in [0, 1])");
    }
}
