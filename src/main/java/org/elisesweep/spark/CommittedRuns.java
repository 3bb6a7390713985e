package org.elisesweep.spark;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.elisesweep.sweep.PlannedRun;
import org.elisesweep.sweep.SweepPlan;

/**
 * What earlier runs of a sweep already committed: the status of each (point, replicate), read
 * from the {@code runs} table with Spark SQL (only the key columns, never the details).
 */
final class CommittedRuns {
    private final Map<String, String> statusByRun = new HashMap<>();
    private final Set<String> modelVersions = new HashSet<>();
    private final Set<String> batchKeys = new HashSet<>();

    static String key(String pointId, int replicate) {
        return pointId + "/" + replicate;
    }

    /** The keys of every simulation {@code plan} plans. */
    static Set<String> plannedKeys(SweepPlan plan) {
        Set<String> keys = new HashSet<>();
        for (PlannedRun r : plan.runs()) {
            keys.add(key(r.pointId(), r.replicate()));
        }
        return keys;
    }

    static CommittedRuns read(SparkSession spark, FileSystem fs, TableLayout layout) throws IOException {
        CommittedRuns c = new CommittedRuns();
        Path dir = layout.partitionDir(Tables.RUNS);
        if (!fs.exists(dir)) {
            return c;
        }
        for (FileStatus f : fs.listStatus(dir)) {
            String key = TableLayout.batchKeyOf(f.getPath().getName());
            if (key != null) {
                c.batchKeys.add(key);
            }
        }
        if (c.batchKeys.isEmpty()) {
            return c;
        }
        List<Row> rows = spark.read().parquet(dir.toString())
                .select("point_id", "replicate", "status", "model_version").collectAsList();
        for (Row r : rows) {
            c.statusByRun.put(key(r.getString(0), r.getInt(1)), r.getString(2));
            c.modelVersions.add(r.getString(3));
        }
        return c;
    }

    /** Status of a committed simulation, or null if it has not been committed. */
    String status(String pointId, int replicate) {
        return statusByRun.get(key(pointId, replicate));
    }

    /** Every committed simulation, as {@link #key}. */
    Set<String> keys() {
        return statusByRun.keySet();
    }

    int size() {
        return statusByRun.size();
    }

    Set<String> modelVersions() {
        return modelVersions;
    }

    /** Batch keys that have a committed {@code runs} file. */
    Set<String> batchKeys() {
        return batchKeys;
    }
}
