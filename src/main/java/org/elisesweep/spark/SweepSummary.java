package org.elisesweep.spark;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.elisesweep.model.Status;
import org.elisesweep.sweep.SweepPlan;

/**
 * The end of a sweep: counts by status over the whole sweep (read back from the committed
 * {@code runs} table), what this run computed and skipped, and where every table is.
 *
 * @param total        simulations committed for this sweep, by status
 * @param computedNow  simulations this run computed, by status
 * @param skipped      planned simulations already committed before this run
 * @param abortReason  why the sweep stopped early (fail-fast), or null
 */
public record SweepSummary(String sweep, int planned, Map<Status, Long> total, Map<Status, Long> computedNow,
                           int skipped, String abortReason, Map<String, String> tables, double wallSeconds) {

    static SweepSummary of(SparkSession spark, SweepPlan plan, TableLayout layout, int skipped, int scheduled,
                           Map<Status, Long> computedNow, String abortReason, double wallSeconds)
            throws java.io.IOException {
        Map<Status, Long> total = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            total.put(s, 0L);
        }
        org.apache.hadoop.fs.Path runsDir = layout.partitionDir(Tables.RUNS);
        // nothing is committed yet when the sweep was cancelled before its first task ended
        if (runsDir.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(runsDir)) {
            List<Row> rows = spark.read().parquet(runsDir.toString()).groupBy("status").count().collectAsList();
            for (Row r : rows) {
                total.put(Status.valueOf(r.getString(0)), r.getLong(1));
            }
        }
        Map<String, String> tables = new java.util.LinkedHashMap<>();
        for (String t : List.of(Tables.RUNS, Tables.CURVES, Tables.REPLAY, Tables.ROBUSTNESS, Tables.NETWORKS)) {
            if (!t.equals(Tables.NETWORKS) || plan.networks().store()) {
                tables.put(t, layout.tableDir(t).toString());
            }
        }
        return new SweepSummary(plan.name(), plan.simulations(), total, computedNow, skipped, abortReason, tables,
                wallSeconds);
    }

    /** Simulations committed with any status. */
    public long committed() {
        return total.values().stream().mapToLong(Long::longValue).sum();
    }

    public boolean complete() {
        return abortReason == null && committed() >= planned;
    }

    public void print(PrintStream out) {
        out.printf("%nsweep %s: %d of %d simulations committed (%d computed now, %d already done) in %.1f s%n",
                sweep, committed(), planned, computedNow.values().stream().mapToLong(Long::longValue).sum(), skipped,
                wallSeconds);
        out.println("  status     count");
        for (Map.Entry<Status, Long> e : total.entrySet()) {
            if (e.getValue() > 0) {
                out.printf("  %-9s %6d%n", e.getKey(), e.getValue());
            }
        }
        if (abortReason != null) {
            out.println("ABORTED: " + abortReason);
        }
        out.println("tables (Parquet, partitioned by sweep):");
        tables.forEach((name, path) -> out.printf("  %-11s %s%n", name, path));
    }
}
