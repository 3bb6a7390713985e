package org.elisesweep.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.elisesweep.model.Status;
import org.elisesweep.sweep.SweepPlan;

/**
 * The end of a sweep: counts by status of the simulations of this sweep file that are committed
 * (by key, read back from the {@code runs} table: never rows of the partition), what this run
 * computed and skipped, what else the partition holds, and where every table is.
 *
 * @param total        simulations of this sweep file committed, by status
 * @param computedNow  simulations this run computed, by status
 * @param stepsNow     the Euler steps of those simulations, and how many ran in lock-step groups
 * @param skipped      planned simulations already committed before this run
 * @param abortReason  why the sweep stopped early (fail-fast, {@link #INTERRUPTED}), or null
 * @param stale        simulations in the partition that this sweep file does not plan
 * @param duplicateRows rows of {@code runs} beyond one per (point_id, replicate)
 */
public record SweepSummary(String sweep, String outputRoot, int planned, Map<Status, Long> total,
                           Map<Status, Long> computedNow, Steps stepsNow, int skipped, String abortReason, StaleRows stale,
                           String configHash, long duplicateRows, Map<String, String> tables, double wallSeconds) {
    /** The abort reason of a sweep stopped by {@link StopRequest} (Ctrl-C). */
    public static final String INTERRUPTED = "interrupted";

    /** Euler steps simulated, and those of them stepped together with other networks ({@code execution.lockstep}). */
    public record Steps(long simulated, long inGroups) {
        /** "lock-step: 97 % of the 3.0 M Euler steps computed now ran in groups", or null when none was computed. */
        String describe() {
            if (simulated == 0) {
                return null;
            }
            String share = inGroups == 0 ? "none" : String.format("%.0f %%", 100.0 * inGroups / simulated);
            return String.format("lock-step: %s of the %.1f M Euler steps computed now ran in groups", share,
                    simulated / 1e6);
        }
    }

    static SweepSummary of(SparkSession spark, SweepPlan plan, TableLayout layout, int skipped,
                           Map<Status, Long> computedNow, Steps stepsNow, String abortReason, double wallSeconds)
            throws IOException {
        Set<String> planned = CommittedRuns.plannedKeys(plan);
        Map<Status, Long> total = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            total.put(s, 0L);
        }
        Map<String, String> statusByKey = new HashMap<>();
        long rows = 0;
        Path runsDir = layout.partitionDir(Tables.RUNS);
        // nothing is committed yet when the sweep was cancelled before its first task ended
        if (runsDir.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(runsDir)) {
            for (Row r : spark.read().parquet(runsDir.toString()).select("point_id", "replicate", "status")
                    .collectAsList()) {
                statusByKey.putIfAbsent(CommittedRuns.key(r.getString(0), r.getInt(1)), r.getString(2));
                rows++;
            }
        }
        for (Map.Entry<String, String> e : statusByKey.entrySet()) {
            if (planned.contains(e.getKey())) {
                total.merge(Status.valueOf(e.getValue()), 1L, Long::sum);
            }
        }
        Map<String, String> tables = new LinkedHashMap<>();
        for (String t : List.of(Tables.RUNS, Tables.CURVES, Tables.REPLAY, Tables.ROBUSTNESS, Tables.NETWORKS)) {
            if (!t.equals(Tables.NETWORKS) || plan.networks().store()) {
                tables.put(t, layout.tableDir(t).toString());
            }
        }
        return new SweepSummary(plan.name(), layout.root().toString(), plan.simulations(), total, computedNow, stepsNow,
                skipped, abortReason, StaleRows.of(statusByKey.keySet(), planned), plan.configHash(),
                rows - statusByKey.size(), tables, wallSeconds);
    }

    /** Simulations of this sweep file committed, with any status. */
    public long committed() {
        return total.values().stream().mapToLong(Long::longValue).sum();
    }

    public boolean complete() {
        return abortReason == null && committed() >= planned;
    }

    public boolean interrupted() {
        return INTERRUPTED.equals(abortReason);
    }

    public void print(PrintStream out) {
        out.printf("%nsweep %s: %d of %d simulations committed (%d computed now, %d already done) in %.1f s%n",
                sweep, committed(), planned, computedNow.values().stream().mapToLong(Long::longValue).sum(), skipped,
                wallSeconds);
        String lockstep = stepsNow.describe();
        if (lockstep != null) {
            out.println("  " + lockstep);
        }
        out.println("  status     count");
        for (Map.Entry<Status, Long> e : total.entrySet()) {
            if (e.getValue() > 0) {
                out.printf("  %-9s %6d%n", e.getKey(), e.getValue());
            }
        }
        if (stale.simulations() > 0) {
            out.println(stale.describe(configHash, outputRoot, sweep));
        }
        if (duplicateRows > 0) {
            out.printf("runs holds %d duplicated rows; `elise verify %s --sweep %s --repair` removes them%n",
                    duplicateRows, outputRoot, sweep);
        }
        if (abortReason != null && !interrupted()) {
            out.println("ABORTED: " + abortReason);
        }
        out.println("tables (Parquet, partitioned by sweep):");
        tables.forEach((name, path) -> out.printf("  %-11s %s%n", name, path));
    }
}
