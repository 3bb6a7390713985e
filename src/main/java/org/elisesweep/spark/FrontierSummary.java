package org.elisesweep.spark;

import java.io.PrintStream;
import java.util.List;
import org.elisesweep.sweep.FrontierSearch;
import org.elisesweep.sweep.FrontierStatus;

/**
 * What a frontier sweep run found: every configuration's frontier as the {@code frontiers} table
 * holds it, and how the run ended.
 *
 * @param parameter     the searched parameter
 * @param criterion     the criterion on runs
 * @param configurations each configuration described by its varying parameters ("model.n-lat = 8"), in plan order
 * @param estimates     each configuration's frontier, in the same order
 * @param rounds        rounds of probes so far (the most of any configuration)
 * @param computedNow   simulations this run computed
 * @param lastRound     the summary of the last round's sweep job (null when no round ran)
 * @param table         the frontiers table's file
 */
public record FrontierSummary(String sweep, String parameter, String criterion, List<String> configurations,
                              List<FrontierSearch.Estimate> estimates, int rounds, long computedNow,
                              SweepSummary lastRound, String table) {

    /** Whether every configuration's search has ended. */
    public boolean complete() {
        return estimates.stream().allMatch(e -> e.status().finished());
    }

    public boolean interrupted() {
        return lastRound != null && lastRound.interrupted();
    }

    public long simulations() {
        return estimates.stream().mapToLong(FrontierSearch.Estimate::simulations).sum();
    }

    public long converged() {
        return estimates.stream().filter(e -> e.status() == FrontierStatus.CONVERGED).count();
    }

    public void print(PrintStream out) {
        out.printf("%nfrontier sweep %s: where %s stops holding, over %s: %d rounds, %d simulations (%d computed now)%n",
                sweep, criterion, parameter, rounds, simulations(), computedNow);
        if (lastRound != null && lastRound.abortReason() != null && !lastRound.interrupted()) {
            out.println("ABORTED: " + lastRound.abortReason());
        }
        int width = Math.max(13, configurations.stream().mapToInt(String::length).max().orElse(0));
        out.printf("  %-" + width + "s  %-10s %-23s %-23s %6s %5s  %s%n", "configuration", "x*", "90% interval",
                "bracket (pass, fail)", "rounds", "sims", "status");
        for (int k = 0; k < estimates.size(); k++) {
            FrontierSearch.Estimate e = estimates.get(k);
            out.printf("  %-" + width + "s  %-10s %-23s %-23s %6d %5d  %s%s%n", configurations.get(k), num(e.xStar()),
                    pair(e.low(), e.high()), pair(e.lastPass(), e.firstFail()), e.rounds(), e.simulations(),
                    e.status(), e.violations() > 0 ? " (" + e.violations() + " monotonicity violations)" : "");
        }
        out.println("table: " + table);
    }

    private static String pair(Double a, Double b) {
        return "[" + num(a) + ", " + num(b) + "]";
    }

    private static String num(Double x) {
        return x == null ? "-" : String.format("%.4g", x);
    }
}
