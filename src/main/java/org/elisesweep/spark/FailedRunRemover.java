package org.elisesweep.spark;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.elisesweep.sweep.PlannedRun;

/**
 * For {@code --rerun-failed}: removes the rows of the given simulations from the committed files
 * that hold them, so that recomputing them duplicates nothing ({@link BatchRewriter}: each affected
 * file rewritten without those rows, detail tables first and {@code runs} last, so a crash in
 * between leaves the simulations marked failed and they are simply redone next time).
 */
final class FailedRunRemover {
    private FailedRunRemover() {
    }

    static void remove(SparkSession spark, TableLayout layout, List<PlannedRun> runs) throws IOException {
        Set<String> keys = new HashSet<>();
        for (PlannedRun r : runs) {
            keys.add(CommittedRuns.key(r.pointId(), r.replicate()));
        }
        org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
        FileSystem fs = layout.root().getFileSystem(conf);
        BatchRewriter rewriter = new BatchRewriter(fs, conf, layout, null);
        for (String table : CommittedFiles.COMMIT_ORDER) {
            Path dir = layout.partitionDir(table);
            if (!fs.exists(dir)) {
                continue;
            }
            Dataset<Row> all = spark.read().parquet(dir.toString())
                    .withColumn("_file", functions.input_file_name())
                    .withColumn("_key", functions.concat_ws("/", functions.col("point_id"), functions.col("replicate")));
            List<String> files = all.filter(functions.col("_key").isin(keys.toArray()))
                    .select("_file").distinct().as(Encoders.STRING()).collectAsList();
            for (String file : files) {
                rewriter.rewriteWithout(new Path(file), keys);
            }
        }
    }
}
