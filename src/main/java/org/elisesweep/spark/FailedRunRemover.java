package org.elisesweep.spark;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.elisesweep.sweep.PlannedRun;

/**
 * For {@code --rerun-failed}: removes the rows of the given simulations from the committed files
 * that hold them, so that recomputing them duplicates nothing. Each affected file is rewritten
 * without those rows and renamed over the original; detail tables first and {@code runs} last, so
 * a crash in between leaves the simulations marked failed and they are simply redone next time.
 */
final class FailedRunRemover {
    private FailedRunRemover() {
    }

    static void remove(SparkSession spark, TableLayout layout, List<PlannedRun> runs) throws IOException {
        Set<String> keys = new HashSet<>();
        for (PlannedRun r : runs) {
            keys.add(CommittedRuns.key(r.pointId(), r.replicate()));
        }
        FileSystem fs = layout.root().getFileSystem(spark.sparkContext().hadoopConfiguration());
        List<String> tables = new java.util.ArrayList<>(Tables.DETAIL);
        tables.add(Tables.RUNS);
        for (String table : tables) {
            Path dir = layout.partitionDir(table);
            if (!fs.exists(dir)) {
                continue;
            }
            Dataset<Row> all = spark.read().parquet(dir.toString())
                    .withColumn("_file", functions.input_file_name())
                    .withColumn("_key", functions.concat_ws("/", functions.col("point_id"), functions.col("replicate")));
            List<String> files = all.filter(functions.col("_key").isin(keys.toArray()))
                    .select("_file").distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
            for (String file : files) {
                rewriteWithout(spark, fs, layout, new Path(file), keys);
            }
        }
    }

    private static void rewriteWithout(SparkSession spark, FileSystem fs, TableLayout layout, Path file,
                                       Set<String> keys) throws IOException {
        Path tmp = new Path(layout.staging("rewrite", java.util.UUID.randomUUID().toString()), file.getName());
        Dataset<Row> kept = spark.read().parquet(file.toString())
                .filter(functions.not(functions.concat_ws("/", functions.col("point_id"), functions.col("replicate"))
                        .isin(keys.toArray())));
        if (kept.isEmpty()) {
            fs.delete(file, false);
            return;
        }
        kept.coalesce(1).write().parquet(tmp.toString());
        Path part = null;
        for (org.apache.hadoop.fs.FileStatus f : fs.listStatus(tmp)) {
            if (f.getPath().getName().startsWith("part-")) {
                part = f.getPath();
            }
        }
        if (part == null) {
            throw new IOException("rewriting " + file + " produced no file");
        }
        fs.delete(file, false);
        if (!fs.rename(part, file)) {
            throw new IOException("cannot replace " + file + " by " + part);
        }
        fs.delete(tmp.getParent(), true);
    }
}
