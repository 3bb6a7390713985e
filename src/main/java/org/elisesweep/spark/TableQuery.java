package org.elisesweep.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Spark SQL over an output directory: the tables runs, curves, replay and robustness of every sweep
 * under it ({@link SweepTables}) become temporary views of those names, with the sweep's name in
 * the column {@code sweep}, and one query runs against them.
 */
public final class TableQuery {
    /** The views, runs first. */
    public static final List<String> VIEWS = List.of(Tables.RUNS, Tables.CURVES, Tables.REPLAY, Tables.ROBUSTNESS);

    private TableQuery() {
    }

    /**
     * Runs {@code sql} on the tables under {@code outputDir} (a path or Hadoop URI). The views live in
     * a new session sharing {@code spark}'s context, so they never shadow the caller's own views.
     *
     * @return the query's result, not yet collected
     * @throws NotASweepOutputException when {@code outputDir} holds no committed runs table
     */
    public static Dataset<Row> run(SparkSession spark, String outputDir, String sql)
            throws NotASweepOutputException, IOException {
        SparkSession session = spark.newSession();
        registerViews(session, outputDir);
        return session.sql(sql);
    }

    /**
     * Registers the views {@link #VIEWS} in {@code session}: each the union of that table over the
     * sweeps under {@code outputDir}; a detail table with nothing committed yet is an empty view.
     * Also {@code frontiers}, when a frontier sweep wrote one.
     */
    public static void registerViews(SparkSession session, String outputDir) throws NotASweepOutputException,
            IOException {
        List<SweepTables> sweeps = new ArrayList<>();
        for (String name : SweepTables.sweepsIn(outputDir, session.sparkContext().hadoopConfiguration())) {
            sweeps.add(SweepTables.open(session, outputDir, name));
        }
        register(session, Tables.RUNS, sweeps, SweepTables::runs);
        register(session, Tables.CURVES, sweeps, SweepTables::curves);
        register(session, Tables.REPLAY, sweeps, SweepTables::replay);
        register(session, Tables.ROBUSTNESS, sweeps, SweepTables::robustness);
        // frontier sweeps' results, partitioned by sweep like the others (README "Robustness frontiers")
        org.apache.hadoop.fs.Path frontiers = new org.apache.hadoop.fs.Path(outputDir, FrontierTable.NAME);
        if (frontiers.getFileSystem(session.sparkContext().hadoopConfiguration()).exists(frontiers)) {
            session.read().parquet(frontiers.toString()).createOrReplaceTempView(FrontierTable.NAME);
        }
    }

    private interface TableOf {
        Dataset<Row> of(SweepTables sweep) throws IOException;
    }

    private static void register(SparkSession session, String view, List<SweepTables> sweeps, TableOf table)
            throws IOException {
        Dataset<Row> all = null;
        for (SweepTables s : sweeps) {
            Dataset<Row> one = table.of(s).withColumn("sweep", functions.lit(s.sweep()));
            // by name, and tolerant of columns only some sweeps have (e.g. runs of another code version)
            all = all == null ? one : all.unionByName(one, true);
        }
        all.createOrReplaceTempView(view);
    }
}
