package org.elisesweep.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Spark SQL over a sweep's output directory: the tables runs, curves, replay and robustness found
 * under it become temporary views of those names (every sweep partition, with {@code sweep} as a
 * column), and one query runs against them.
 */
public final class TableQuery {
    private TableQuery() {
    }

    /** Thrown when the directory holds no committed {@code runs} rows: not a sweep's output (yet). */
    public static final class NoRunsTableException extends IllegalArgumentException {
        NoRunsTableException(String message) {
            super(message);
        }
    }

    /**
     * Runs {@code sql} on the tables under {@code outputDir} (a path or Hadoop URI). The views live in
     * a new session sharing {@code spark}'s context, so they never shadow the caller's own views.
     *
     * @return the query's result, not yet collected
     * @throws NoRunsTableException when {@code outputDir} has no committed runs file
     */
    public static Dataset<Row> run(SparkSession spark, String outputDir, String sql) throws IOException {
        SparkSession session = spark.newSession();
        registerViews(session, outputDir);
        return session.sql(sql);
    }

    /**
     * Registers each table of {@code outputDir} that has committed files as a temporary view of
     * {@code session}; a detail table without files (nothing committed to it yet) is left out.
     *
     * @return the names of the registered views, runs first
     */
    public static List<String> registerViews(SparkSession session, String outputDir) throws IOException {
        Path root = new Path(outputDir);
        FileSystem fs = root.getFileSystem(session.sparkContext().hadoopConfiguration());
        if (!hasCommittedFiles(fs, root, Tables.RUNS)) {
            throw new NoRunsTableException(outputDir + " has no runs table (no " + Tables.RUNS
                    + "/sweep=*/part-*.parquet under it): give the --out directory of a sweep that committed "
                    + "at least one simulation");
        }
        List<String> registered = new ArrayList<>();
        List<String> tables = new ArrayList<>(List.of(Tables.RUNS));
        tables.addAll(Tables.DETAIL);
        for (String table : tables) {
            if (hasCommittedFiles(fs, root, table)) {
                // reading the table directory discovers the sweep=<name> partitions as a column
                session.read().parquet(new Path(root, table).toString()).createOrReplaceTempView(table);
                registered.add(table);
            }
        }
        return registered;
    }

    private static boolean hasCommittedFiles(FileSystem fs, Path root, String table) throws IOException {
        FileStatus[] files = fs.globStatus(new Path(root, table + "/sweep=*/part-*.parquet"));
        return files != null && files.length > 0;
    }
}
